using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.Offers.Storage;
using Npgsql;

namespace IdoPlatform.Offers.Storage;

/// <summary>Reads of the organisations table kept by <see cref="OffersProjection"/>.</summary>
public sealed class OrganisationQueries(NpgsqlDataSource db)
{
    public const int FirstNumber = 100001;

    public async Task<(OrganisationResponse Organisation, long Version)?> Find(Guid id, CancellationToken ct)
    {
        await using var command = db.CreateCommand(
            "SELECT id, number, name, kind, visible, version FROM offers_organisations WHERE id = @id");
        command.Parameters.AddWithValue("id", id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (Read(reader), reader.GetInt64(5)) : null;
    }

    /// <summary>Ordered by name, then id; hidden organisations only when asked.</summary>
    public async Task<(IReadOnlyList<OrganisationResponse> Items, long Total)> List(bool includeHidden, int offset, int limit, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT id, number, name, kind, visible, count(*) OVER () FROM offers_organisations
            WHERE visible OR @include_hidden ORDER BY name, id OFFSET @offset LIMIT @limit
            """);
        command.Parameters.AddWithValue("include_hidden", includeHidden);
        command.Parameters.AddWithValue("offset", offset);
        command.Parameters.AddWithValue("limit", limit);
        var items = new List<OrganisationResponse>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            items.Add(Read(reader));
            total = reader.GetInt64(5);
        }
        if (items.Count == 0 && offset > 0) total = await Count(includeHidden, ct);
        return (items, total);
    }

    /// <summary>The next unused six-digit number; the unique index settles a race between two registrations.</summary>
    public async Task<string> NextNumber(CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT coalesce(max(number::int) + 1, @first) FROM offers_organisations");
        command.Parameters.AddWithValue("first", FirstNumber);
        var next = (int)(await command.ExecuteScalarAsync(ct))!;
        return Math.Max(next, FirstNumber).ToString("D6");
    }

    private async Task<long> Count(bool includeHidden, CancellationToken ct)
    {
        await using var command = db.CreateCommand("SELECT count(*) FROM offers_organisations WHERE visible OR @include_hidden");
        command.Parameters.AddWithValue("include_hidden", includeHidden);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static OrganisationResponse Read(NpgsqlDataReader r) =>
        new(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetBoolean(4));
}

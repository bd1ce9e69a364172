using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>An inline projection writing each <see cref="Counted"/> number to <c>projected</c>, where numbers are unique.</summary>
internal sealed class ProjectedNumbers : IInlineProjection
{
    public const string Table = "CREATE TABLE IF NOT EXISTS projected (n int PRIMARY KEY)";

    public async Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        foreach (var e in events.Where(e => e.Data is Counted))
        {
            await using var insert = new NpgsqlCommand("INSERT INTO projected VALUES (@n)", connection, transaction);
            insert.Parameters.AddWithValue("n", ((Counted)e.Data).Number);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}

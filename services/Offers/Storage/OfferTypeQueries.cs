using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Storage;
using Npgsql;

namespace IdoPlatform.Offers.Storage;

/// <summary>Reads of the offer-type tables kept by <see cref="OffersProjection"/>.</summary>
public sealed class OfferTypeQueries(NpgsqlDataSource db)
{
    /// <summary>Every offer type with all its versions, ordered by code.</summary>
    public async Task<IReadOnlyList<(OfferType Type, long StreamVersion)>> All(CancellationToken ct) => await Load(null, ct);

    public async Task<(OfferType Type, long StreamVersion)?> Find(string code, CancellationToken ct)
    {
        var found = await Load(code, ct);
        return found.Count == 1 ? found[0] : null;
    }

    private async Task<IReadOnlyList<(OfferType, long)>> Load(string? code, CancellationToken ct)
    {
        await using var command = db.CreateCommand("""
            SELECT t.code, t.definition, s.stream_version FROM offers_offer_types t
            JOIN offers_offer_type_streams s ON s.code = t.code
            WHERE @code::text IS NULL OR t.code = @code
            ORDER BY t.code, t.version
            """);
        command.Parameters.AddWithValue("code", (object?)code ?? DBNull.Value);
        var types = new List<(OfferType, long)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var typeCode = reader.GetString(0);
            var definition = ReadModelJson.Read<OfferTypeDefinition>(reader.GetString(1));
            if (types.Count > 0 && types[^1].Item1.Code == typeCode)
                types[^1] = (types[^1].Item1 with { Versions = [.. types[^1].Item1.Versions, definition] }, types[^1].Item2);
            else
                types.Add((new OfferType(typeCode, [definition]), reader.GetInt64(2)));
        }
        return types;
    }
}

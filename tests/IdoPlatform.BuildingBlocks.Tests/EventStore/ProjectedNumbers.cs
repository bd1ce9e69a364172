using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>An inline projection writing each <see cref="Counted"/> number to the table <c>projected</c>.</summary>
internal sealed class ProjectedNumbers : IInlineProjection
{
    public async Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        foreach (var e in events)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO projected VALUES (@n)", connection, transaction);
            insert.Parameters.AddWithValue("n", ((Counted)e.Data).Number);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}

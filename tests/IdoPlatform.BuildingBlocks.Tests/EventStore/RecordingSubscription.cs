using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>Which host a <see cref="RecordingSubscription"/> runs in, and (shared by hosts) how often each event was
/// handed to it at all: an effect outside the transaction, such as the relay's publish, happens that often.</summary>
public sealed record Instance(string Name, HandOuts HandOuts);

public sealed class HandOuts
{
    readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> _counts = new();

    public void Add(IEnumerable<StoredEvent> batch)
    {
        foreach (var e in batch) _counts.AddOrUpdate(e.Metadata.EventId, 1, (_, n) => n + 1);
    }

    public IReadOnlyList<Guid> HandedMoreThanOnce => _counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
}

/// <summary>A subscription whose effect is one row per event it handled, tagged with the host that ran it, written
/// through the subscription's own transaction; <c>n</c> keeps the order of handling.</summary>
public sealed class RecordingSubscription(Instance instance) : ISubscription
{
    public const string Table = "CREATE TABLE IF NOT EXISTS seen (n bigserial, event_id uuid, seq bigint, type text, instance text)";

    public static string Name => "recording";

    public async Task Handle(IReadOnlyList<StoredEvent> batch, NpgsqlConnection connection,
        NpgsqlTransaction transaction, CancellationToken ct)
    {
        instance.HandOuts.Add(batch);
        await using var command = new NpgsqlCommand(
            "INSERT INTO seen (event_id, seq, type, instance) SELECT e, s, t, @instance FROM unnest(@ids, @seqs, @types) WITH ORDINALITY AS x(e, s, t, o) ORDER BY o",
            connection, transaction);
        command.Parameters.AddWithValue("ids", batch.Select(e => e.Metadata.EventId).ToArray());
        command.Parameters.AddWithValue("seqs", batch.Select(e => e.Sequence).ToArray());
        command.Parameters.AddWithValue("types", batch.Select(e => e.TypeAlias).ToArray());
        command.Parameters.AddWithValue("instance", instance.Name);
        await command.ExecuteNonQueryAsync(ct);
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>A projection whose effect is one row per event it handled, tagged with the instance that ran it.</summary>
public sealed class RecordingSubscription(string instance) : ISubscription
{
    public const string Table = "CREATE TABLE IF NOT EXISTS seen (event_id uuid, seq bigint, instance text)";

    public string Name => "recording";

    public async Task Handle(IReadOnlyList<StoredEvent> batch, NpgsqlConnection connection,
        NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO seen SELECT e, s, @instance FROM unnest(@ids, @seqs) AS t(e, s)", connection, transaction);
        command.Parameters.AddWithValue("ids", batch.Select(e => e.Metadata.EventId).ToArray());
        command.Parameters.AddWithValue("seqs", batch.Select(e => e.Sequence).ToArray());
        command.Parameters.AddWithValue("instance", instance);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>Holds the append of one chosen event open inside its transaction until released.</summary>
public sealed class GateProjection(int holdNumber) : IInlineProjection
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection,
        NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (!events.Any(e => e.Data is Counted c && c.Number == holdNumber)) return;
        Entered.TrySetResult();
        await Release.Task.WaitAsync(ct);
    }
}

using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// A consumer of the global event order (async projection, outbound relay). The daemon hands it
/// batches in commit-safe order; its effects written through <c>transaction</c> commit together with
/// its checkpoint, so each event takes effect once. Throwing leaves the checkpoint where it was.
/// One instance across all replicas runs it at a time (HotCold, via an advisory lock).
/// </summary>
public interface ISubscription
{
    /// <summary>Stable name: the checkpoint's key.</summary>
    string Name { get; }

    Task Handle(IReadOnlyList<StoredEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct);
}

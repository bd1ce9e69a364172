using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// An async projection in SQL, run by Marten's async daemon (HotCold: one replica at a time). It receives each
/// page of the global order in sequence; its effects, written through <c>transaction</c>, commit together with
/// the subscription's progress, so each event takes effect once. Throwing leaves the progress where it was and
/// the daemon retries the page.
/// </summary>
public interface ISubscription
{
    /// <summary>Stable name: the key of its progress row. Static, so Marten learns it without creating the subscription
    /// (which may depend on the store Marten is then still building).</summary>
    static abstract string Name { get; }

    Task Handle(IReadOnlyList<StoredEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct);
}

/// <summary>A read model written in the append's own transaction, so a write sees it at once.</summary>
public interface IInlineProjection
{
    Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct);
}

using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Marten.Subscriptions;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// Runs our SQL read models inside Marten's own transaction: Marten hands the connection and transaction to a
/// transaction participant just before COMMIT, so the read model and the events (or the subscription's progress)
/// commit or roll back together.
/// </summary>
internal sealed class SqlParticipant(Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> write)
    : ITransactionParticipant
{
    public Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token) =>
        write(connection, transaction, token);

    public static void Enlist(IDocumentOperations operations, Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> write) =>
        ((ITransactionParticipantRegistrar)operations).AddTransactionParticipant(new SqlParticipant(write));
}

/// <summary>An <see cref="IInlineProjection"/> as a Marten inline projection.</summary>
internal sealed class InlineSqlProjection(IInlineProjection inner) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var stored = events.Select(StoredEvent.From).ToList();
        SqlParticipant.Enlist(operations, (connection, transaction, ct) => inner.Apply(stored, connection, transaction, ct));
        return Task.CompletedTask;
    }
}

/// <summary>An <see cref="ISubscription"/> as a Marten subscription in the async daemon. The subscription itself is
/// created on first use: it may depend on the store (through <see cref="EventStreams"/>) that is being built with it.</summary>
internal sealed class SqlSubscription<T> : SubscriptionBase where T : class, ISubscription
{
    const string Tombstone = "tombstone";
    readonly Lazy<T> _lazy;

    public SqlSubscription(IServiceProvider services, int batchSize)
    {
        _lazy = new Lazy<T>(services.GetRequiredService<T>);
        Name = T.Name;
        Options.BatchSize = batchSize;
    }

    public override Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        // Marten fills the sequence number of a failed append with a tombstone: nothing happened there.
        var batch = page.Events.Where(e => e.EventTypeName != Tombstone).Select(StoredEvent.From).ToList();
        if (batch.Count > 0)
            SqlParticipant.Enlist(operations, (connection, transaction, ct) => _lazy.Value.Handle(batch, connection, transaction, ct));
        return Task.FromResult(NullChangeListener.Instance);
    }
}

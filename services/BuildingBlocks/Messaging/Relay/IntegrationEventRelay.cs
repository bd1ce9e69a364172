using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Topology;
using MassTransit;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Messaging.Relay;

/// <summary>
/// The event log is the outbox: this subscription publishes each mapped event as an integration message
/// whose message id is the domain event's id, and returns only when the broker confirmed every publish of
/// the batch, so the daemon moves the checkpoint only then. Any failure or timeout throws and the daemon
/// retries the whole batch later: at-least-once, and consumers drop repeats by message id.
/// </summary>
/// <remarks>
/// Publishing is concurrent, so messages of one stream may arrive out of order (as they may anyway after a
/// retry); each carries its stream id and version in headers so a consumer can ignore older news.
/// </remarks>
public sealed class IntegrationEventRelay : ISubscription
{
    public const string CorrelationHeader = "Ido-Correlation-Id";
    public const string EventTypeHeader = "Ido-Event-Type";
    public const string StreamIdHeader = "Ido-Stream-Id";
    public const string StreamVersionHeader = "Ido-Stream-Version";

    readonly IntegrationEventMap map;
    readonly IBus bus;
    readonly ConsumerQueueDeclarer declarer;
    readonly MessagingOptions options;

    public IntegrationEventRelay(IntegrationEventMap map, IBus bus, ConsumerQueueDeclarer declarer, MessagingOptions options,
        EventStoreOptions store)
    {
        // The daemon holds its transaction open while we wait for confirms; PostgreSQL must not end it first.
        if (options.PublishTimeout >= store.IdleInTransactionTimeout)
            throw new InvalidOperationException(
                $"Messaging:PublishTimeout ({options.PublishTimeout}) must be shorter than the event store's idle-in-transaction timeout ({store.IdleInTransactionTimeout}).");
        this.map = map;
        this.bus = bus;
        this.declarer = declarer;
        this.options = options;
    }

    public string Name => "relay";

    public async Task Handle(IReadOnlyList<StoredEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        var messages = batch
            .Select(e => (Event: e, Message: map.ToMessage(e)))
            .Where(m => m.Message is not null)
            .ToList();
        if (messages.Count == 0) return;

        // Bounded: a broker that is away fails the batch instead of holding the daemon (and its open
        // transaction) indefinitely.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.PublishTimeout);

        try
        {
            await declarer.EnsureDeclared(map.MessageTypes, timeout.Token);

            // Not disposed: publishes abandoned by a timeout may still release it later.
            var inFlight = new SemaphoreSlim(options.RelayConcurrency);
            var publishes = messages.Select(m => PublishOne(m.Event, m.Message!, inFlight, timeout.Token)).ToList();
            await Task.WhenAll(publishes).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            // Not a shutdown: report it as a failed batch, so the daemon backs off and retries it.
            throw new TimeoutException(
                $"RabbitMQ did not confirm {messages.Count} messages within {options.PublishTimeout.TotalSeconds:0.#} s.", e);
        }
    }

    async Task PublishOne(StoredEvent stored, object message, SemaphoreSlim inFlight, CancellationToken ct)
    {
        await inFlight.WaitAsync(ct);
        try
        {
            await bus.Publish(message, message.GetType(), context => Stamp(context, stored), ct);
        }
        finally
        {
            inFlight.Release();
        }
    }

    static void Stamp(PublishContext context, StoredEvent stored)
    {
        context.MessageId = stored.Metadata.EventId;
        context.Durable = true;
        context.Headers.Set(EventTypeHeader, stored.TypeAlias);
        context.Headers.Set(StreamIdHeader, stored.StreamId.ToString());
        context.Headers.Set(StreamVersionHeader, stored.StreamVersion);
        if (stored.Metadata.CorrelationId is { } correlation)
        {
            context.Headers.Set(CorrelationHeader, correlation);
            if (Guid.TryParse(correlation, out var id)) context.CorrelationId = id;
        }
        if (Guid.TryParse(stored.Metadata.CausationId, out var causation)) context.InitiatorId = causation;
    }
}

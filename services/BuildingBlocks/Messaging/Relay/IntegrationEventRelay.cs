using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Topology;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;

namespace IdoPlatform.BuildingBlocks.Messaging.Relay;

/// <summary>
/// The event log is the outbox: this Marten subscription (run by the async daemon, HotCold) publishes each
/// mapped event as an integration message whose message id is the domain event's id, and returns only when
/// the broker confirmed every publish of the page, so the daemon moves its progress only then. Any failure or timeout throws and the daemon
/// retries the whole batch later: at-least-once, and consumers drop repeats by message id.
/// </summary>
/// <remarks>
/// Streams are published concurrently, each stream's messages one after another (the next only once the broker
/// confirmed the one before), so every queue holds a stream's messages in version order. Publishes started together
/// are not handed to the broker in the order they were started: under load they went out reversed. A retried page
/// repeats messages, so each carries its stream id and version in headers and a consumer can ignore older news.
/// </remarks>
public sealed class IntegrationEventRelay : SubscriptionBase
{
    public const string CorrelationHeader = "Ido-Correlation-Id";
    public const string EventTypeHeader = "Ido-Event-Type";
    public const string StreamIdHeader = "Ido-Stream-Id";
    public const string StreamVersionHeader = "Ido-Stream-Version";

    readonly IntegrationEventMap _map;
    readonly IBus _bus;
    readonly ConsumerQueueDeclarer _declarer;
    readonly MessagingOptions _options;

    public IntegrationEventRelay(IntegrationEventMap map, IBus bus, ConsumerQueueDeclarer declarer, MessagingOptions options)
    {
        _map = map;
        _bus = bus;
        _declarer = declarer;
        _options = options;
        Name = "relay";
        Options.BatchSize = 500;
        // Only the events it maps are read for it at all.
        foreach (var type in _map.DomainEventTypes) IncludeType(type);
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken ct)
    {
        await Publish(page.Events.Select(StoredEvent.From).ToList(), ct);
        return NullChangeListener.Instance;
    }

    internal async Task Publish(IReadOnlyList<StoredEvent> batch, CancellationToken ct)
    {
        var messages = batch
            .Select(e => (Event: e, Message: _map.ToMessage(e)))
            .Where(m => m.Message is not null)
            .ToList();
        if (messages.Count == 0) return;

        // Bounded: a broker that is away fails the page (the daemon retries it later) instead of holding the
        // daemon indefinitely.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.PublishTimeout);

        try
        {
            await _declarer.EnsureDeclared(_map.MessageTypes, timeout.Token);

            // Not disposed: publishes abandoned by a timeout may still release it later.
            var inFlight = new SemaphoreSlim(_options.RelayConcurrency);
            var publishes = messages.GroupBy(m => m.Event.StreamId)
                .Select(stream => PublishInOrder(stream, inFlight, timeout.Token)).ToList();
            await Task.WhenAll(publishes).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
        {
            // Not a shutdown: report it as a failed batch, so the daemon backs off and retries it.
            throw new TimeoutException(
                $"RabbitMQ did not confirm {messages.Count} messages within {_options.PublishTimeout.TotalSeconds:0.#} s.", e);
        }
    }

    async Task PublishInOrder(IEnumerable<(StoredEvent Event, object? Message)> stream, SemaphoreSlim inFlight,
        CancellationToken ct)
    {
        foreach (var (stored, message) in stream) await PublishOne(stored, message!, inFlight, ct);
    }

    async Task PublishOne(StoredEvent stored, object message, SemaphoreSlim inFlight, CancellationToken ct)
    {
        await inFlight.WaitAsync(ct);
        try
        {
            await _bus.Publish(message, message.GetType(), context => Stamp(context, stored), ct);
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

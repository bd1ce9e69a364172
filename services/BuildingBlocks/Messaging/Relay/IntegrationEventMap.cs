using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.BuildingBlocks.Messaging.Relay;

/// <summary>
/// How a service turns its domain events into integration messages from contracts/: one function per
/// domain event type, giving one message or null (nothing to publish for this one). Domain event types
/// without a function are never published.
/// </summary>
public sealed class IntegrationEventMap
{
    readonly Dictionary<Type, Func<object, StoredEvent, object?>> _maps = new();
    readonly HashSet<Type> _messageTypes = [];

    public IntegrationEventMap Map<TDomainEvent, TMessage>(Func<TDomainEvent, StoredEvent, TMessage?> map)
        where TMessage : class
    {
        if (!_maps.TryAdd(typeof(TDomainEvent), (data, stored) => map((TDomainEvent)data, stored)))
            throw new InvalidOperationException($"{typeof(TDomainEvent).Name} is already mapped to an integration message.");
        _messageTypes.Add(typeof(TMessage));
        return this;
    }

    /// <summary>The domain event types that have a message.</summary>
    public IReadOnlyCollection<Type> DomainEventTypes => _maps.Keys;

    /// <summary>The integration message types this service publishes (their consumers' queues are declared first).</summary>
    public IReadOnlyCollection<Type> MessageTypes => _messageTypes;

    /// <summary>The message for <paramref name="stored"/>, or null when there is none.</summary>
    public object? ToMessage(StoredEvent stored) =>
        _maps.TryGetValue(stored.Data.GetType(), out var map) ? map(stored.Data, stored) : null;
}

using IdoPlatform.BuildingBlocks.Messaging.Topology;
using IdoPlatform.Contracts.Queues;
using MassTransit;

namespace IdoPlatform.BuildingBlocks.Messaging;

/// <summary>What a service consumes, and from which catalogue endpoint.</summary>
public sealed class MessagingBuilder(string serviceName)
{
    readonly List<(Type Consumer, ConsumerEndpoint Endpoint)> _consumers = [];

    public string ServiceName { get; } = serviceName;

    /// <summary>The platform's consumer endpoints (the catalogue in contracts/Queues); tests replace it with their own.</summary>
    public IReadOnlyList<ConsumerEndpoint> Catalogue { get; set; } = ConsumerEndpoints.All;

    internal IReadOnlyList<(Type Consumer, ConsumerEndpoint Endpoint)> Consumers => _consumers;

    /// <summary>Runs <typeparamref name="TConsumer"/> on <paramref name="endpoint"/>'s queue. The consumer must
    /// handle only types the endpoint takes (anything else would never be bound to the queue).</summary>
    public MessagingBuilder Consume<TConsumer>(ConsumerEndpoint endpoint) where TConsumer : class, IConsumer
    {
        if (!endpoint.BelongsTo(ServiceName))
            throw new InvalidOperationException($"Service '{ServiceName}' cannot consume from '{endpoint.QueueName}': queue names start with the consuming service's name.");

        var untaken = ConsumedTypes(typeof(TConsumer)).Where(t => !endpoint.Takes(t)).ToList();
        if (untaken.Count > 0)
            throw new InvalidOperationException($"{typeof(TConsumer).Name} consumes {string.Join(", ", untaken.Select(t => t.Name))}, which endpoint '{endpoint.QueueName}' does not take; add it to the catalogue.");

        _consumers.Add((typeof(TConsumer), endpoint));
        return this;
    }

    internal void Validate()
    {
        foreach (var endpoint in _consumers.Select(c => c.Endpoint).Distinct())
        {
            if (!Catalogue.Contains(endpoint))
                throw new InvalidOperationException($"Endpoint '{endpoint.QueueName}' is not in the catalogue, so publishers would not declare its queue.");
            var handled = _consumers.Where(c => c.Endpoint == endpoint).SelectMany(c => ConsumedTypes(c.Consumer)).ToHashSet();
            var unhandled = endpoint.MessageTypes.Where(t => !handled.Contains(t)).ToList();
            if (unhandled.Count > 0)
                throw new InvalidOperationException($"Endpoint '{endpoint.QueueName}' takes {string.Join(", ", unhandled.Select(t => t.Name))} but no consumer handles it; it would land in the _skipped queue.");
        }
    }

    static IEnumerable<Type> ConsumedTypes(Type consumer) =>
        consumer.GetInterfaces()
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
            .Select(i => i.GetGenericArguments()[0]);
}

using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace IdoPlatform.BuildingBlocks.Messaging.Topology;

/// <summary>The exchange MassTransit publishes a message type to (<c>Namespace:TypeName</c> by default),
/// asked of the bus's own topology so a declaration never drifts from what MassTransit uses.</summary>
public static class MessageExchanges
{
    static readonly ConcurrentDictionary<Type, Func<IRabbitMqPublishTopology, string>> NameOf = new();

    public static string For(IBus bus, Type messageType) =>
        For(bus.Topology.PublishTopology as IRabbitMqPublishTopology
            ?? throw new InvalidOperationException("The bus does not run on RabbitMQ."), messageType);

    /// <summary>The same, while the bus is being configured (<c>cfg.PublishTopology</c>).</summary>
    public static string For(IRabbitMqPublishTopology topology, Type messageType) =>
        NameOf.GetOrAdd(messageType, CreateLookup)(topology);

    static Func<IRabbitMqPublishTopology, string> CreateLookup(Type messageType) =>
        (Func<IRabbitMqPublishTopology, string>)typeof(MessageExchanges)
            .GetMethod(nameof(Lookup), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(messageType)
            .CreateDelegate(typeof(Func<IRabbitMqPublishTopology, string>));

    static string Lookup<T>(IRabbitMqPublishTopology topology) where T : class => topology.GetMessageTopology<T>().Exchange.ExchangeName;
}

using System.Collections.Concurrent;
using System.Reflection;
using MassTransit;

namespace IdoPlatform.BuildingBlocks.Messaging.Topology;

/// <summary>The exchange MassTransit publishes a message type to (<c>Namespace:TypeName</c> by default),
/// asked of the bus's own topology so a declaration never drifts from what MassTransit uses.</summary>
public static class MessageExchanges
{
    static readonly ConcurrentDictionary<Type, Func<IRabbitMqBusTopology, string>> NameOf = new();

    public static string For(IBus bus, Type messageType)
    {
        var topology = bus.Topology as IRabbitMqBusTopology
            ?? throw new InvalidOperationException("The bus does not run on RabbitMQ.");
        return NameOf.GetOrAdd(messageType, CreateLookup)(topology);
    }

    static Func<IRabbitMqBusTopology, string> CreateLookup(Type messageType) =>
        (Func<IRabbitMqBusTopology, string>)typeof(MessageExchanges)
            .GetMethod(nameof(Lookup), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(messageType)
            .CreateDelegate(typeof(Func<IRabbitMqBusTopology, string>));

    static string Lookup<T>(IRabbitMqBusTopology topology) where T : class => topology.Publish<T>().Exchange.ExchangeName;
}

using System.Reflection;
using MassTransit;

namespace IdoPlatform.BuildingBlocks.Messaging.Resilience;

/// <summary>
/// MassTransit 8.5 reconnects a receive endpoint (and a send transport) after a broker outage on a policy
/// of its host: 3 s doubling up to 30 s, and the wait never shrinks again for the life of the process, so an
/// endpoint may idle half a minute after the broker is back. No setting changes it, so the host's policy is
/// replaced by one that handles the same exceptions and waits at most <paramref name="maxInterval"/>
/// (MassTransit adds a 1 s breather). Pinned to 8.5's field names: a change fails the start loudly, and
/// <c>BrokerRestartTests</c> proves the effect.
/// </summary>
internal static class BrokerReconnect
{
    const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic;

    public static void ReconnectWithin(this IRabbitMqBusFactoryConfigurator bus, TimeSpan minInterval, TimeSpan maxInterval)
    {
        var host = bus.GetType().GetField("_hostConfiguration", Instance)?.GetValue(bus);
        var policy = host?.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", Instance);
        if (host is null || policy?.GetValue(host) is not IRetryPolicy original)
            throw new InvalidOperationException(
                "MassTransit's RabbitMQ host configuration changed shape; revisit BrokerReconnect for this version.");

        policy.SetValue(host, Retry.CreatePolicy(r =>
        {
            r.Handle<Exception>(original.IsHandled);
            r.Exponential(int.MaxValue, minInterval, maxInterval, minInterval);
        }));
    }
}

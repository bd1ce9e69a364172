using IdoPlatform.Contracts.Queues;

namespace IdoPlatform.BuildingBlocks.Messaging.Topology;

/// <summary>
/// How MassTransit (8.5, RabbitMQ) lays out a consumer endpoint, written down once so a publisher can
/// declare the same entities before the consumer exists. RabbitMQ refuses a redeclaration whose
/// flags or arguments differ (PRECONDITION_FAILED), so these must match MassTransit exactly:
/// <list type="bullet">
/// <item>message exchange <c>Namespace:TypeName</c>: fanout, durable;</item>
/// <item>endpoint exchange named like the queue: fanout, durable, bound to the queue;</item>
/// <item>queue: durable, not exclusive, not auto-delete; <c>x-queue-type=quorum</c> when quorum;</item>
/// <item>each message exchange bound to the endpoint exchange (exchange-to-exchange, empty routing key);</item>
/// <item>or, for an endpoint with a <see cref="RoutingFilter"/>, each message exchange bound to a filter exchange
/// (<c>queue.header</c>: headers, durable), bound to the endpoint exchange with the header as its match.</item>
/// </list>
/// </summary>
public static class QueueShape
{
    public const string FilterExchangeType = "headers";

    public static string FilterExchange(ConsumerEndpoint endpoint, RoutingFilter filter) =>
        $"{endpoint.QueueName}.{filter.Header.ToLowerInvariant()}";

    /// <summary>The filter exchange's binding to the endpoint exchange: messages carrying the header pass.</summary>
    public static Dictionary<string, object?> FilterBindingArguments(RoutingFilter filter) =>
        new() { ["x-match"] = "all", [filter.Header] = RoutingFilter.Present };

    public const string ExchangeType = "fanout";
    public const bool Durable = true;
    public const bool AutoDelete = false;
    public const bool Exclusive = false;

    /// <summary>The arguments MassTransit's <c>SetQuorumQueue()</c> (no replication factor) gives a queue.</summary>
    public static Dictionary<string, object?> QueueArguments(bool quorum) =>
        quorum ? new() { ["x-queue-type"] = "quorum" } : new();
}

using System.Text.RegularExpressions;

namespace IdoPlatform.Contracts.Queues;

/// <summary>
/// A consumer's queue and the integration message types bound to it. Both sides use the same entry:
/// the consumer service to configure its receive endpoint, every publishing service to declare that
/// queue and its bindings before its relay publishes (an unrouted publish is confirmed and lost).
/// </summary>
public sealed partial record ConsumerEndpoint
{
    public ConsumerEndpoint(string queueName, params Type[] messageTypes)
    {
        if (!KebabCase().IsMatch(queueName))
            throw new ArgumentException($"Queue name '{queueName}' must be kebab-case, starting with the service name.", nameof(queueName));
        if (messageTypes.Length == 0)
            throw new ArgumentException($"Consumer endpoint '{queueName}' takes no message types.", nameof(messageTypes));
        QueueName = queueName;
        MessageTypes = messageTypes.Distinct().ToArray();
    }

    /// <summary>e.g. <c>monitoring-visits</c>: the service name, then what it takes.</summary>
    public string QueueName { get; }

    public IReadOnlyList<Type> MessageTypes { get; }

    /// <summary>When set, the queue gets only the messages of its types that carry this filter's header.</summary>
    public RoutingFilter? OnlyWith { get; init; }

    public bool Takes(Type messageType) => MessageTypes.Contains(messageType);

    public bool BelongsTo(string serviceName) => QueueName.StartsWith(serviceName + "-", StringComparison.Ordinal);

    public override string ToString() => QueueName;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)+$")]
    private static partial Regex KebabCase();
}

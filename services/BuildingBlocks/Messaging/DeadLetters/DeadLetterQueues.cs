using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IdoPlatform.BuildingBlocks.Messaging.DeadLetters;

/// <summary>
/// The <c>_error</c> queues MassTransit moves a message to once it failed for its own sake: counted
/// (a passive declare, so no management plug-in is needed) and replayed into their consumer queue after
/// a fix. A replayed message keeps its message id, so the consumer's inbox drops it if it was handled
/// after all.
/// </summary>
public sealed class DeadLetterQueues(RabbitMqAddress broker, TimeSpan timeout)
{
    public const string Suffix = "_error";

    /// <summary>Headers MassTransit adds when it dead-letters a message; a replay starts clean.</summary>
    static readonly string[] FaultHeaderPrefixes = ["MT-Fault-", "MT-Reason", "MT-Host-"];

    public static string ErrorQueueOf(string consumerQueue) => consumerQueue + Suffix;

    /// <summary>Messages waiting in the error queue of each of <paramref name="consumerQueues"/>
    /// (0 for an error queue that was never declared).</summary>
    public async Task<IReadOnlyDictionary<string, uint>> Count(IEnumerable<string> consumerQueues, CancellationToken ct = default)
    {
        await using var connection = await Connect(ct);
        var counts = new Dictionary<string, uint>();
        foreach (var queue in consumerQueues)
        {
            // A passive declare of a missing queue closes the channel: one channel per queue.
            await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                counts[queue] = (await channel.QueueDeclarePassiveAsync(ErrorQueueOf(queue), ct)).MessageCount;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
            {
                counts[queue] = 0;
            }
        }
        return counts;
    }

    /// <summary>Moves the messages now in <paramref name="consumerQueue"/>'s error queue back to it, each
    /// removed only once the broker confirmed its copy; returns how many. Messages that fail again and
    /// return meanwhile are not taken a second time.</summary>
    public async Task<int> Replay(string consumerQueue, CancellationToken ct = default)
    {
        await using var connection = await Connect(ct);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        var errorQueue = ErrorQueueOf(consumerQueue);
        uint waiting;
        try
        {
            waiting = (await channel.QueueDeclarePassiveAsync(errorQueue, ct)).MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }

        var moved = 0;
        while (moved < waiting && await channel.BasicGetAsync(errorQueue, autoAck: false, ct) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties);
            if (properties.Headers is { } headers)
                foreach (var key in headers.Keys.Where(k => FaultHeaderPrefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal))).ToList())
                    headers.Remove(key);
            await channel.BasicPublishAsync("", consumerQueue, mandatory: true, properties, message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            moved++;
        }
        return moved;
    }

    Task<IConnection> Connect(CancellationToken ct) =>
        broker.CreateConnectionFactory(timeout).CreateConnectionAsync("dead-letters", ct);
}

using IdoPlatform.BuildingBlocks.Messaging.Relay;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;

public static class Queues
{
    /// <summary>Messages ready in <paramref name="queue"/> (0 while it is not declared).</summary>
    public static async Task<uint> Count(Uri broker, string queue)
    {
        var factory = RabbitMqAddress.Parse(broker.ToString()).CreateConnectionFactory(TimeSpan.FromSeconds(10));
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0; // not declared yet
        }
    }

    /// <summary>Takes every message ready in <paramref name="queue"/>, in queue order, and returns each one's stream and
    /// version headers (as the relay stamps them).</summary>
    public static async Task<IReadOnlyList<(string Stream, long Version)>> TakeStreamVersions(Uri broker, string queue)
    {
        var factory = RabbitMqAddress.Parse(broker.ToString()).CreateConnectionFactory(TimeSpan.FromSeconds(10));
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var taken = new List<(string, long)>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            var headers = message.BasicProperties.Headers!;
            taken.Add((System.Text.Encoding.UTF8.GetString((byte[])headers[IntegrationEventRelay.StreamIdHeader]!),
                Convert.ToInt64(headers[IntegrationEventRelay.StreamVersionHeader])));
        }
        return taken;
    }
}

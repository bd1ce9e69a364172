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
}

using System.Text;
using RabbitMQ.Client;

namespace IdoPlatform.Testing.Tests;

/// <summary>Plain RabbitMQ.Client calls the broker tests share.</summary>
internal static class Broker
{
    public static Task<IConnection> Connect(Uri uri) =>
        new ConnectionFactory { Uri = uri, AutomaticRecoveryEnabled = false, RequestedConnectionTimeout = TimeSpan.FromSeconds(5) }
            .CreateConnectionAsync();

    /// <summary>Declares a durable queue and publishes one persistent message to it, confirmed by the broker.</summary>
    public static async Task PublishConfirmed(Uri uri, string queue, string text)
    {
        await using var connection = await Connect(uri);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes(text));
    }

    public static async Task DeclareDurable(Uri uri, string queue)
    {
        await using var connection = await Connect(uri);
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
    }

    /// <summary>Takes one message from a queue of a restarted broker. A node accepts connections before it has
    /// recovered every virtual host's queues (on a loaded machine, seconds later): until then the queue is "not found".</summary>
    public static async Task<string?> TakeAfterRestart(Uri uri, string queue)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return await Take(uri, queue);
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e)
                when (e.ShutdownReason?.ReplyCode == 404 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Takes one message from the queue, or null when it is empty.</summary>
    public static async Task<string?> Take(Uri uri, string queue)
    {
        await using var connection = await Connect(uri);
        await using var channel = await connection.CreateChannelAsync();
        var result = await channel.BasicGetAsync(queue, autoAck: true);
        return result is null ? null : Encoding.UTF8.GetString(result.Body.Span);
    }
}

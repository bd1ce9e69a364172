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

    /// <summary>Takes one message from the queue, or null when it is empty.</summary>
    public static async Task<string?> Take(Uri uri, string queue)
    {
        await using var connection = await Connect(uri);
        await using var channel = await connection.CreateChannelAsync();
        var result = await channel.BasicGetAsync(queue, autoAck: true);
        return result is null ? null : Encoding.UTF8.GetString(result.Body.Span);
    }
}

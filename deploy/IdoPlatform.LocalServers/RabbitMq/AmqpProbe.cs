using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IdoPlatform.LocalServers.RabbitMq;

/// <summary>Whether a broker really accepts an AMQP connection (an open port is not enough: the
/// listener opens before the broker has finished booting).</summary>
public static class AmqpProbe
{
    public static async Task<bool> AcceptsConnectionAsync(Uri amqpUri)
    {
        var factory = new ConnectionFactory
        {
            Uri = amqpUri,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            AutomaticRecoveryEnabled = false,
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync();
            return connection.IsOpen;
        }
        catch (Exception exception) when (exception is BrokerUnreachableException or OperationInterruptedException or IOException or TimeoutException or OperationCanceledException)
        {
            return false;
        }
    }
}

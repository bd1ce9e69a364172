using RabbitMQ.Client;

namespace IdoPlatform.BuildingBlocks.Messaging;

/// <summary>
/// The broker named by an amqp:// URI, parsed once so MassTransit and the plain RabbitMQ client
/// (which declares consumer queues) connect to exactly the same place.
/// </summary>
public sealed record RabbitMqAddress(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public static RabbitMqAddress Parse(string uri)
    {
        if (!Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("amqp" or "amqps"))
            throw new FormatException("The RabbitMQ connection string must look like amqp://user:password@host:port/vhost.");

        var tls = parsed.Scheme == "amqps";
        var port = parsed.IsDefaultPort || parsed.Port <= 0 ? (tls ? 5671 : 5672) : parsed.Port;
        var path = parsed.AbsolutePath.Trim('/');
        var vhost = path.Length == 0 ? "/" : Uri.UnescapeDataString(path);
        var (user, password) = ("guest", "guest");
        if (parsed.UserInfo.Length > 0)
        {
            var parts = parsed.UserInfo.Split(':', 2);
            user = Uri.UnescapeDataString(parts[0]);
            password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "";
        }
        return new RabbitMqAddress(parsed.Host, (ushort)port, vhost, user, password, tls);
    }

    public ConnectionFactory CreateConnectionFactory(TimeSpan timeout) => new()
    {
        HostName = Host,
        Port = Port,
        VirtualHost = VirtualHost,
        UserName = Username,
        Password = Password,
        Ssl = new SslOption { Enabled = UseTls, ServerName = Host },
        RequestedConnectionTimeout = timeout,
        ContinuationTimeout = timeout,
        HandshakeContinuationTimeout = timeout,
        AutomaticRecoveryEnabled = false,
    };

    public override string ToString() => $"{(UseTls ? "amqps" : "amqp")}://{Host}:{Port}/{Uri.EscapeDataString(VirtualHost)}";
}

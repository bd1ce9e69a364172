using Microsoft.Extensions.Configuration;

namespace IdoPlatform.BuildingBlocks.Messaging;

/// <summary>
/// Messaging settings: the broker from <c>ConnectionStrings:RabbitMq</c>, the rest from the
/// <c>Messaging</c> section. Every service of one environment must agree on <see cref="QuorumQueues"/>,
/// because a publisher declares its consumers' queues with the same arguments they use themselves.
/// </summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";
    public const string ConnectionStringName = "RabbitMq";

    /// <summary>amqp://user:password@host:port/vhost</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Quorum queues for a clustered RabbitMQ; classic durable queues otherwise.</summary>
    public bool QuorumQueues { get; set; }

    /// <summary>In-process retries of a consumer failing for the message's own sake before the message goes
    /// to the <c>_error</c> queue. A transient failure (database or broker away) is retried without limit
    /// instead (<see cref="Resilience.ConsumerRetry"/>).</summary>
    /// <remarks>Empty means <see cref="DefaultRetryIntervals"/> (the configuration binder would append
    /// configured values to a non-empty default instead of replacing it).</remarks>
    public TimeSpan[] RetryIntervals { get; set; } = [];

    public static readonly TimeSpan[] DefaultRetryIntervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>The first wait before retrying a transient failure; it doubles up to
    /// <see cref="TransientRetryMaxInterval"/>, which bounds how long a consumer notices a recovery late.</summary>
    public TimeSpan TransientRetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan TransientRetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a stopping service lets its consumers finish before cancelling them; a cancelled
    /// message stays in its queue for the next start.</summary>
    public TimeSpan ConsumerStopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Waits between attempts to reach the broker again after an outage (doubling from the first to the
    /// second; MassTransit adds 1 s): every consumer endpoint takes messages again within about
    /// <see cref="ReconnectMaxInterval"/> + 1 s of the broker's return.</summary>
    public TimeSpan ReconnectMinInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReconnectMaxInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages a consumer endpoint takes from the broker ahead of handling them.</summary>
    public ushort PrefetchCount { get; set; } = 32;

    /// <summary>A relay batch not confirmed within this time fails, so the daemon retries it later
    /// instead of hanging while the broker is away.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Publishes the relay keeps in flight at once (each awaits its broker confirm); by default a
    /// whole daemon batch (500) at once, so the broker can confirm many with one ack.</summary>
    public int RelayConcurrency { get; set; } = 512;

    public static MessagingOptions From(IConfiguration configuration)
    {
        var options = new MessagingOptions();
        configuration.GetSection(Section).Bind(options);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(connectionString)) options.ConnectionString = connectionString;
        if (options.RetryIntervals.Length == 0) options.RetryIntervals = [.. DefaultRetryIntervals];
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException(
                $"Missing ConnectionStrings:{ConnectionStringName} (amqp://user:password@host:port/vhost).");
        return options;
    }
}

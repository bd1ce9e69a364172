using Xunit;

namespace IdoPlatform.Testing.Fixtures;

/// <summary>
/// A fresh virtual host on the shared real RabbitMQ for one test class or collection, so its queues
/// never take another fixture's messages. Derive to set the name prefix.
/// </summary>
public class VirtualHostFixture : IAsyncLifetime
{
    private Uri? _amqpUri;

    /// <summary>Readable start of the virtual host name; the class name unless overridden.</summary>
    protected virtual string Prefix => GetType().Name;

    /// <summary>amqp://user:password@host:port/vhost</summary>
    public Uri AmqpUri => _amqpUri ?? throw new InvalidOperationException("Not initialised yet.");

    public RabbitMqServer Server { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Server = await RealServers.RabbitMqAsync();
        _amqpUri = await Server.CreateVirtualHostAsync(Prefix);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

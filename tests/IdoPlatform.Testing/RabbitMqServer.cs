using System.Collections.Concurrent;
using IdoPlatform.LocalServers.RabbitMq;

namespace IdoPlatform.Testing;

/// <summary>
/// A real RabbitMQ broker. Each fixture takes a fresh virtual host, so queues of two fixtures never take
/// each other's messages. Only a broker of your own (<see cref="RealServers.StartOwnRabbitMqAsync"/>) may
/// be stopped and started: stopping the shared one would break every other test in the process.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private readonly ManagementApi management;
    private readonly IBrokerControl? control;
    private readonly Func<ValueTask> stop;
    private readonly bool deleteVirtualHostsAtEnd;
    private readonly ConcurrentBag<string> created = [];
    private int disposed;

    internal RabbitMqServer(
        Uri amqpUri, ManagementApi management, string source, TimeSpan startedIn,
        IBrokerControl? control, Func<ValueTask> stop, bool deleteVirtualHostsAtEnd)
    {
        AmqpUri = amqpUri;
        this.management = management;
        Source = source;
        StartedIn = startedIn;
        this.control = control;
        this.stop = stop;
        this.deleteVirtualHostsAtEnd = deleteVirtualHostsAtEnd;
    }

    /// <summary>The broker's default virtual host, credentials included.</summary>
    public Uri AmqpUri { get; }

    public Uri ManagementUri => management.BaseUri;

    /// <summary>Where the broker came from (environment, container or private node), for test output.</summary>
    public string Source { get; }

    /// <summary>How long getting the broker took (zero when the environment named one).</summary>
    public TimeSpan StartedIn { get; }

    /// <summary>Creates a brand-new virtual host and returns the AMQP URI of it, credentials included.</summary>
    public async Task<Uri> CreateVirtualHostAsync(string prefix)
    {
        var name = UniqueName.For(prefix);
        await management.CreateVirtualHostAsync(name);
        created.Add(name);
        return new UriBuilder(AmqpUri) { Path = "/" + Uri.EscapeDataString(name) }.Uri;
    }

    /// <summary>Takes the broker down (a private node at once, like a crash; a container with docker stop).
    /// What it confirmed survives: durable queues and their persistent messages.</summary>
    public Task StopAsync() => Control.StopAsync();

    /// <summary>Starts the broker again on the same address and data; returns once it takes connections.</summary>
    public Task StartAsync() => Control.StartAsync();

    private IBrokerControl Control => control ?? throw new InvalidOperationException(
        "This broker is shared by every test in the process (or named by the environment) and may not be stopped; " +
        $"take one of your own with {nameof(RealServers)}.{nameof(RealServers.StartOwnRabbitMqAsync)}().");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
            return;
        // All at once: a test runner may kill its host moments after the run.
        if (deleteVirtualHostsAtEnd)
            await Task.WhenAll(created.Select(management.DeleteVirtualHostAsync));
        await stop();
    }
}

internal interface IBrokerControl
{
    Task StopAsync();

    Task StartAsync();
}

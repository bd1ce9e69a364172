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
    private readonly ManagementApi _management;
    private readonly IBrokerControl? _control;
    private readonly Func<ValueTask> _stop;
    private readonly bool _deleteVirtualHostsAtEnd;
    private readonly ConcurrentBag<string> _created = [];
    private int _disposed;

    internal RabbitMqServer(
        Uri amqpUri, ManagementApi management, string source, TimeSpan startedIn,
        IBrokerControl? control, Func<ValueTask> stop, bool deleteVirtualHostsAtEnd)
    {
        AmqpUri = amqpUri;
        _management = management;
        Source = source;
        StartedIn = startedIn;
        _control = control;
        _stop = stop;
        _deleteVirtualHostsAtEnd = deleteVirtualHostsAtEnd;
    }

    /// <summary>The broker's default virtual host, credentials included.</summary>
    public Uri AmqpUri { get; }

    public Uri ManagementUri => _management.BaseUri;

    /// <summary>Where the broker came from (environment, container or private node), for test output.</summary>
    public string Source { get; }

    /// <summary>How long getting the broker took (zero when the environment named one).</summary>
    public TimeSpan StartedIn { get; }

    /// <summary>Creates a brand-new virtual host and returns the AMQP URI of it, credentials included.</summary>
    public async Task<Uri> CreateVirtualHostAsync(string prefix)
    {
        var name = UniqueName.For(prefix);
        await _management.CreateVirtualHostAsync(name);
        _created.Add(name);
        return new UriBuilder(AmqpUri) { Path = "/" + Uri.EscapeDataString(name) }.Uri;
    }

    /// <summary>Takes the broker down (a private node at once, like a crash; a container with docker stop).
    /// What it confirmed survives: durable queues and their persistent messages.</summary>
    public Task StopAsync() => Control.StopAsync();

    /// <summary>Starts the broker again on the same address and data; returns once it takes connections.</summary>
    public Task StartAsync() => Control.StartAsync();

    private IBrokerControl Control => _control ?? throw new InvalidOperationException(
        "This broker is shared by every test in the process (or named by the environment) and may not be stopped; " +
        $"take one of your own with {nameof(RealServers)}.{nameof(RealServers.StartOwnRabbitMqAsync)}().");

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        // All at once: a test runner may kill its host moments after the run.
        if (_deleteVirtualHostsAtEnd)
            await Task.WhenAll(_created.Select(_management.DeleteVirtualHostAsync));
        await _stop();
    }
}

internal interface IBrokerControl
{
    Task StopAsync();

    Task StartAsync();
}

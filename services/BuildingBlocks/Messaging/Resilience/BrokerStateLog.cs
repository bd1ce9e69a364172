using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace IdoPlatform.BuildingBlocks.Messaging.Resilience;

/// <summary>
/// One line when the service's consumer endpoints lose the broker, one when they all have it back.
/// MassTransit itself logs each reconnect attempt of each endpoint with a stack trace (every ~2 s), so its
/// own category is kept to errors (a consumer fault still shows) in
/// <see cref="MessagingServiceCollectionExtensions.AddMessaging"/>.
/// </summary>
internal sealed class BrokerStateLog(ILogger<BrokerStateLog> logger) : IReceiveEndpointObserver
{
    readonly ConcurrentDictionary<Uri, bool> _down = new();
    readonly object _gate = new();
    bool _announcedDown;

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        _down[faulted.InputAddress] = true;
        lock (_gate)
        {
            if (!_announcedDown)
            {
                _announcedDown = true;
                logger.LogWarning("RabbitMQ lost ({Reason}); consumers wait, retrying every few seconds",
                    faulted.Exception?.GetBaseException().Message ?? "no reason given");
            }
        }
        return Task.CompletedTask;
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        _down[ready.InputAddress] = false;
        lock (_gate)
        {
            if (_announcedDown && !_down.Values.Any(down => down))
            {
                _announcedDown = false;
                logger.LogInformation("RabbitMQ back; every consumer endpoint takes messages again");
            }
        }
        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;
}

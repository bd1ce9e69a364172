using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>Runs every registered subscription, each HotCold across all replicas of the service.</summary>
internal sealed class SubscriptionDaemon(
    IEnumerable<ISubscription> subscriptions,
    EventStoreSchema schema,
    EventStoreOptions options,
    ILoggerFactory loggers) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Unpooled: each runner's advisory lock lives exactly as long as its own session.
        await using var unpooled = EventStoreRegistration.CreateDataSource(options, pooling: false);
        await Task.WhenAll(subscriptions.Select(s =>
            new SubscriptionRunner(s, unpooled, schema, options, loggers.CreateLogger($"Subscription.{s.Name}"))
                .Run(stoppingToken)));
    }
}

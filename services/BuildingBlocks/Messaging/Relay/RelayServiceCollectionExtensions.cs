using IdoPlatform.BuildingBlocks.EventStore;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.BuildingBlocks.Messaging.Relay;

public static class RelayServiceCollectionExtensions
{
    /// <summary>
    /// Publishes the service's domain events as integration messages through the event store's daemon
    /// (subscription "relay"). Needs <c>AddEventStore</c> and <c>AddMessaging</c>.
    /// </summary>
    public static IServiceCollection AddIntegrationEventRelay(this IServiceCollection services,
        Action<IntegrationEventMap> configure)
    {
        var map = new IntegrationEventMap();
        configure(map);
        services.AddSingleton(map);
        services.AddSubscription<IntegrationEventRelay>();
        return services;
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.BuildingBlocks.Messaging.Relay;

public static class RelayServiceCollectionExtensions
{
    /// <summary>
    /// Publishes the service's domain events as integration messages through the event store's daemon
    /// (Marten subscription "relay", HotCold). Needs <c>AddEventStore</c> and <c>AddMessaging</c>.
    /// </summary>
    public static IServiceCollection AddIntegrationEventRelay(this IServiceCollection services,
        Action<IntegrationEventMap> configure)
    {
        var map = new IntegrationEventMap();
        configure(map);
        services.AddSingleton(map);
        services.AddSingleton<IntegrationEventRelay>();
        services.ConfigureMarten((sp, marten) => marten.Events.Subscribe(sp.GetRequiredService<IntegrationEventRelay>()));
        return services;
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Features.CodeLists;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Offers.Messaging;
using IdoPlatform.Offers.ReadModels;
using IdoPlatform.Offers.Seeding;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IdoPlatform.BuildingBlocks.Hosting;

namespace IdoPlatform.Offers.Hosting;

public static class OffersServiceSetup
{
    public const string ServiceName = "offers";
    public const string BasePath = "/offers/v1";
    public const string Pc4FileKey = "Postcodes:Pc4File";

    /// <summary>Everything the offers service owns: event store, read models, postcode look-up, relay and seeding.</summary>
    public static IServiceCollection AddOffers(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => LoadPostcodes(configuration, sp.GetRequiredService<ILogger<Pc4Lookup>>()));

        services.AddEventStore(o =>
        {
            o.ConnectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Missing ConnectionStrings:Postgres.");
            OffersStreams.Register(o);
            o.Tables(OffersTables.All());
        });
        services.AddHealthChecks().AddPostgres();
        services.AddInlineProjection<OffersProjection>();
        services.AddSingleton<OrganisationQueries>();
        services.AddSingleton<LocationQueries>();
        services.AddSingleton<OfferTypeQueries>();
        services.AddSingleton<OfferQueries>();
        services.AddSubscription<OrganisationNameToLocations>();

        // The offers service only publishes; its consumers' queues are declared by the relay before it publishes.
        services.AddMessaging(configuration, ServiceName);
        services.AddIntegrationEventRelay(OffersIntegrationEvents.Configure);

        services.AddSingleton<OffersSeeder>();
        services.AddHostedService<OffersSeedStep>();
        return services;
    }

    public static void MapOffersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath);
        api.MapOrganisations();
        api.MapLocations();
        api.MapOfferTypes();
        api.MapOffers();
        api.MapOrganisationOffers();
        api.MapCodeLists();
    }

    /// <summary>Without the file, postcode search answers 400 and coordinates keep working; the log says why.</summary>
    private static Pc4Lookup LoadPostcodes(IConfiguration configuration, ILogger logger)
    {
        var configured = configuration[Pc4FileKey];
        var path = RepositoryPaths.Resolve(configuration, configured);
        var lookup = Pc4Lookup.Load(path);
        if (lookup.IsAvailable) logger.LogInformation("Postcode search uses {Count} PC4 centroids from {File}.", lookup.Count, lookup.Source);
        else logger.LogWarning("Postcode search is unavailable ({Key} = {File}): {Problem}", Pc4FileKey, path ?? "(not set)", lookup.Problem);
        return lookup;
    }
}

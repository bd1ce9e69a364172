using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Hosting;
using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.Offers.Relay;
using IdoPlatform.Offers.Seeding;
using IdoPlatform.Offers.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IdoPlatform.Offers;

public static class OffersSetup
{
    public const string ServiceName = "offers";
    public const string Pc4FileKey = "Postcodes:Pc4File";

    public static readonly ServiceDescription Description = new(ServiceName, OffersApi.BasePath, "1.0.0", "Aanbod")
    {
        Description = "Bibliotheekorganisaties, hun locaties met een Informatiepunt Digitale Overheid, en hun aanbod (G!DS): zoeken op afstand.",
    };

    /// <summary>Everything the offers service owns: event store, read models, postcode look-up, relay and seeding.</summary>
    public static WebApplicationBuilder AddOffers(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => LoadPostcodes(configuration, sp.GetRequiredService<ILogger<Pc4Lookup>>()));

        services.AddEventStore(o =>
        {
            o.ConnectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Missing ConnectionStrings:Postgres.");
            OffersEventTypes.Register(o);
            o.Tables(OffersTables.All());
            o.Tables(IdempotencyStore.DeclaredTable()); // the building block's table it uses
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
        return builder;
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

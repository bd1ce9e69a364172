using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.CodeLists;
using IdoPlatform.BuildingBlocks.Hosting;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Registrations.Locations;
using IdoPlatform.Registrations.Relay;
using IdoPlatform.Registrations.Storage;

namespace IdoPlatform.Registrations;

public static class RegistrationsSetup
{
    public const string ServiceName = "registrations";

    public static readonly ServiceDescription Description = new(ServiceName, RegistrationsApi.BasePath, "1.0.0",
        "IDO-registraties")
    {
        Description = "Baliemedewerkers van bibliotheken registreren hier elk IDO-contact en de gestelde vragen: " +
            "snel, anoniem, corrigeerbaar en met volledige geschiedenis.",
    };

    public static WebApplicationBuilder AddRegistrations(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        // Read at start-up: a broken code list stops the service instead of refusing visits later.
        services.AddSingleton(_ => CodeListFiles.Load(RepositoryPaths.SeedsFolder(configuration)));

        services.AddEventStore(o =>
        {
            o.ConnectionString = configuration.GetConnectionString("Postgres") ?? "";
            RegistrationsEventTypes.Register(o);
            o.Tables(RegistrationsTables.All());
            o.Tables(Inbox.DeclaredTable(), IdempotencyStore.DeclaredTable()); // the building blocks' tables it uses
        });
        services.AddInlineProjection<VisitListProjection>();
        services.AddSingleton<VisitListQueries>();
        services.AddSingleton<LocationReplica>();

        services.AddMessaging(configuration, ServiceName,
            m => m.Consume<LocationEventsConsumer>(ConsumerEndpoints.RegistrationsLocations));
        services.AddIntegrationEventRelay(VisitIntegrationEvents.Map);
        services.AddHealthChecks().AddPostgres();
        return builder;
    }
}

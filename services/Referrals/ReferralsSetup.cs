using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.ExpireReferrals;
using IdoPlatform.Referrals.Features.RecordArrival;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Referrals.Relay;
using IdoPlatform.Referrals.Replica;
using IdoPlatform.Referrals.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IdoPlatform.BuildingBlocks.Hosting;

namespace IdoPlatform.Referrals;

public static class ReferralsSetup
{
    public const string ServiceName = "referrals";

    public static readonly ServiceDescription Description = new(ServiceName, ReferralsApi.BasePath, "1.0.0", "Verwijzingen")
    {
        Description = "NPD-organisaties en hun verwijsprofielen, het dichtstbijzijnde IDO, en verwijzingen met een korte code.",
    };

    /// <summary>Everything the referrals service owns: event store, read models, replica, consumers, relay, sweep.</summary>
    public static WebApplicationBuilder AddReferrals(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.AddOptions<ReferralsOptions>().BindConfiguration(ReferralsOptions.Section)
            .Validate(o => o.ValidDays is >= 1 and <= 365, "Referrals:ValidDays must be 1..365.")
            .Validate(o => o.ExpirySweepInterval > TimeSpan.Zero, "Referrals:ExpirySweepInterval must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(_ => AgencyCatalogue.Load(Path.Combine(RepositoryPaths.SeedsFolder(configuration), "agencies.json")));
        services.AddSingleton(_ => Pc4Lookup.Load(RepositoryPaths.Resolve(configuration, configuration["Postcodes:Pc4File"])));

        services.AddEventStore(o =>
        {
            o.ConnectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Missing ConnectionStrings:Postgres.");
            ReferralsEventTypes.Register(o.Events);
            o.Aggregate<Referral>(Referral.StreamType, r => r.Id, Referral.Evolve);
            o.Aggregate<ReferralProfile>(ReferralProfile.StreamType, p => p.Id, ReferralProfile.EvolveFromStart);
            o.Tables(ReferralsTables.All());
            o.Tables(Inbox.DeclaredTable(), IdempotencyStore.DeclaredTable()); // the building blocks' tables it uses
        });
        services.AddHealthChecks().AddPostgres();
        services.AddInlineProjection<ReferralReadProjection>();
        services.AddInlineProjection<ReferralProfileProjection>();
        services.AddSingleton<ReferralQueries>();
        services.AddSingleton<ReferralProfileQueries>();
        services.AddSingleton<ReplicaQueries>();
        services.ConfigureSwaggerGen(o => o.IncludeXmlComments(typeof(ReferralsSetup).Assembly));

        services.AddMessaging(configuration, ServiceName, m => m
            .Consume<LocationReplicaConsumer>(ConsumerEndpoints.ReferralsLocations)
            .Consume<OfferReplicaConsumer>(ConsumerEndpoints.ReferralsOffers)
            .Consume<VisitConsumer>(ConsumerEndpoints.ReferralsVisits));
        services.AddIntegrationEventRelay(ReferralIntegrationEvents.Map);

        services.AddSingleton<ExpirySweep>();
        services.AddHostedService<ExpirySweepService>();
        services.AddHostedService<DemoProfileSeeder>();
        return builder;
    }
}

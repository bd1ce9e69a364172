using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.Referrals.Features.CancelReferral;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.ExpireReferrals;
using IdoPlatform.Referrals.Features.IssueReferral;
using IdoPlatform.Referrals.Features.ListReferrals;
using IdoPlatform.Referrals.Features.LookUpReferral;
using IdoPlatform.Referrals.Features.NearestLocations;
using IdoPlatform.Referrals.Features.RecordArrival;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Referrals.Persistence;
using IdoPlatform.Referrals.Relay;
using IdoPlatform.Referrals.Replica;
using Microsoft.Extensions.DependencyInjection.Extensions;
using IdoPlatform.BuildingBlocks.Hosting;

namespace IdoPlatform.Referrals.Hosting;

public static class ReferralsServiceSetup
{
    public const string ServiceName = "referrals";
    public const string BasePath = "/referrals/v1";

    /// <summary>Everything the referrals service owns: event store, read models, replica, consumers, relay, sweep.</summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services, IConfiguration configuration)
    {
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
            ReferralEventTypes.Register(o.Events);
            o.Aggregate<Referral>(Referral.StreamType, r => r.Id, Referral.Evolve);
            o.Aggregate<ReferralProfile>(ReferralProfile.StreamType, p => p.Id, ReferralProfile.EvolveFromStart);
            o.Tables(ReferralsTables.All());
        });
        services.AddHealthChecks().AddPostgres();
        services.AddInlineProjection<ReferralReadProjection>();
        services.AddInlineProjection<ReferralProfileProjection>();
        services.AddSingleton<ReferralQueries>();
        services.AddSingleton<ReferralProfileQueries>();
        services.AddSingleton<ReplicaQueries>();

        services.AddMessaging(configuration, ServiceName, m => m
            .Consume<LocationReplicaConsumer>(ConsumerEndpoints.ReferralsLocations)
            .Consume<OfferReplicaConsumer>(ConsumerEndpoints.ReferralsOffers)
            .Consume<VisitConsumer>(ConsumerEndpoints.ReferralsVisits));
        services.AddIntegrationEventRelay(ReferralIntegrationEvents.Map);

        services.AddSingleton<ExpirySweep>();
        services.AddHostedService<ExpirySweepService>();
        services.AddHostedService<DemoProfileSeeder>();
        return services;
    }

    public static void MapReferralsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath);
        api.MapAgencies();
        api.MapReferralProfiles();
        api.MapReferralLocations();

        var referrals = api.MapGroup("/referrals").WithTags("Verwijzingen").RequireAuthorization();
        referrals.MapIssueReferral();
        referrals.MapListReferrals();
        referrals.MapLookUpReferral();
        referrals.MapCancelReferral();
    }
}

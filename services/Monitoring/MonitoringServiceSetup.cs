using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.EventLog;
using IdoPlatform.Monitoring.Features.Freshness;
using IdoPlatform.Monitoring.Features.IdoLocations;
using IdoPlatform.Monitoring.Features.QuestionCounts;
using IdoPlatform.Monitoring.Features.Rebuilds;
using IdoPlatform.Monitoring.Features.ReferralOutcomes;
using IdoPlatform.Monitoring.Projections;
using IdoPlatform.Monitoring.Projections.ReadModel;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IdoPlatform.Monitoring;

public static class MonitoringServiceSetup
{
    public const string ServiceName = "monitoring";
    public const string BasePath = "/monitoring/v1";

    /// <summary>The log of everything heard, the aggregate tables projected from it, and the reports.</summary>
    public static IServiceCollection AddMonitoring(this IServiceCollection services, IConfiguration configuration,
        bool withMessaging = true)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddEventStore(o =>
        {
            o.ConnectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Missing ConnectionStrings:Postgres.");
            configuration.GetSection("EventStore").Bind(o);
            MonitoredMessages.Register(o);
        });
        services.AddSingleton<ReadModelSchema>();
        services.AddHostedService<SchemaStartup>();
        services.AddSubscription<AggregatesSubscription>();
        services.AddSingleton<MessageRecorder>();
        services.AddSingleton<RebuildRunner>();
        services.AddSingleton<QuestionCountsReport>();
        services.AddSingleton<ReferralOutcomesReport>();
        services.AddSingleton<IdoLocationsReport>();
        services.AddHealthChecks().AddPostgres();

        if (withMessaging)
            services.AddMessaging(configuration, ServiceName, m => m
                .Consume<VisitMessagesConsumer>(ConsumerEndpoints.MonitoringVisits)
                .Consume<ReferralMessagesConsumer>(ConsumerEndpoints.MonitoringReferrals)
                .Consume<LocationMessagesConsumer>(ConsumerEndpoints.MonitoringLocations)
                .Consume<OfferMessagesConsumer>(ConsumerEndpoints.MonitoringOffers));
        return services;
    }

    public static void MapMonitoringApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(BasePath);
        api.MapQuestionCounts();
        api.MapReferralOutcomes();
        api.MapIdoLocations();
        api.MapFreshness();
        api.MapRebuilds();
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.EventLog;
using IdoPlatform.Monitoring.Features.IdoLocations;
using IdoPlatform.Monitoring.Features.QuestionCounts;
using IdoPlatform.Monitoring.Features.Rebuilds;
using IdoPlatform.Monitoring.Features.ReferralOutcomes;
using IdoPlatform.Monitoring.Reporting;
using IdoPlatform.Monitoring.Storage;
using IdoPlatform.Monitoring.Storage.ReadModel;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IdoPlatform.Monitoring;

public static class MonitoringSetup
{
    public const string ServiceName = "monitoring";

    public static readonly ServiceDescription Description = new(ServiceName, MonitoringApi.BasePath, "1.0.0", "Monitoring")
    {
        Description = "Landelijke, geaggregeerde tellingen van IDO-bezoeken, vragen, verwijzingen en IDO-locaties, " +
                      "geschikt voor publicatie (kleine aantallen onderdrukt).",
        AlsoProduces = [ReportWriter.CsvMediaType],
    };

    /// <summary>The log of everything heard, the aggregate tables projected from it, and the reports.</summary>
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder, bool withMessaging = true)
    {
        var configuration = builder.Configuration;
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddEventStore(o =>
        {
            o.ConnectionString = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Missing ConnectionStrings:Postgres.");
            configuration.GetSection("EventStore").Bind(o);
            MonitoringEventTypes.Register(o);
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
        return builder;
    }
}

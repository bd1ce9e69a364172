using System.Reflection;
using IdoPlatform.BuildingBlocks.Messaging.DeadLetters;
using IdoPlatform.BuildingBlocks.Messaging.Resilience;
using IdoPlatform.BuildingBlocks.Messaging.Topology;
using IdoPlatform.Contracts.Queues;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace IdoPlatform.BuildingBlocks.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ (<c>ConnectionStrings:RabbitMq</c>) with publisher confirms, the service's
    /// consumers on their catalogue endpoints, retries (<see cref="ConsumerRetry"/>: a transient failure until it
    /// passes, a bad message a few times then the <c>_error</c> queue), no usage telemetry, and quorum
    /// queues when <c>Messaging:QuorumQueues</c> is true. Registers the bus health check (tags "ready",
    /// "masstransit") under the name "rabbitmq" for <c>/health/ready</c>, and for a consumer the "dead-letters"
    /// check (Degraded while its <c>_error</c> queues hold messages).
    /// </summary>
    public static IServiceCollection AddMessaging(this IServiceCollection services, IConfiguration configuration,
        string serviceName, Action<MessagingBuilder>? configure = null)
    {
        if (!System.Text.RegularExpressions.Regex.IsMatch(serviceName, "^[a-z0-9]+$"))
            throw new ArgumentException($"Service name '{serviceName}' must be lowercase letters and digits: it prefixes queue names.", nameof(serviceName));
        var options = MessagingOptions.From(configuration);
        var address = RabbitMqAddress.Parse(options.ConnectionString);
        var builder = new MessagingBuilder(serviceName);
        configure?.Invoke(builder);
        builder.Validate();

        services.AddSingleton(options);
        services.AddSingleton(new ConsumerCatalogue(builder.Catalogue));
        services.AddSingleton<ConsumerQueueDeclarer>();

        var consumed = builder.Consumers.Select(c => c.Endpoint).Distinct().ToList();
        services.AddSingleton(new DeadLetterQueues(address, options.PublishTimeout));
        var health = services.AddHealthChecks();
        if (consumed.Count > 0)
            health.Add(new HealthCheckRegistration(DeadLetterHealthCheck.Name,
                sp => new DeadLetterHealthCheck(sp.GetRequiredService<DeadLetterQueues>(), consumed), null, ["ready"]));
        services.AddReceiveEndpointObserver<BrokerStateLog>();
        // A consumer waiting out an outage would hold a stopping service forever (MassTransit waits for consumers
        // without limit by default): cancelled after this, its message goes back to the queue unacknowledged.
        services.Configure<MassTransitHostOptions>(host => host.ConsumerStopTimeout ??= options.ConsumerStopTimeout);
        services.Configure<LoggerFilterOptions>(logging => logging.AddFilter("MassTransit", LogLevel.Error));
        services.AddMassTransit(x =>
        {
            foreach (var consumer in builder.Consumers.Select(c => c.Consumer).Distinct())
                x.AddConsumer(consumer);

            x.ConfigureHealthCheckOptions(h => h.Name = "rabbitmq");
            // MassTransit otherwise reports usage to a third party and logs the payload.
            // (MASSTRANSIT_USAGE_TELEMETRY=true in the environment would turn it back on.)
            x.DisableUsageTelemetry();

            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(address.Host, address.Port, address.VirtualHost, serviceName, h =>
                {
                    h.Username(address.Username);
                    h.Password(address.Password);
                    if (address.UseTls) h.UseSsl(s => s.ServerName = address.Host);
                    h.PublisherConfirmation = true;
                    h.RequestedConnectionTimeout(options.PublishTimeout);
                });
                cfg.ReconnectWithin(options.ReconnectMinInterval, options.ReconnectMaxInterval);
                cfg.ConfigurePublish(publish => RoutingHeaders.StampOnPublish(publish, builder.Catalogue));

                foreach (var endpoint in builder.Consumers.GroupBy(c => c.Endpoint))
                    cfg.ReceiveEndpoint(endpoint.Key.QueueName, e =>
                    {
                        if (options.QuorumQueues) e.SetQuorumQueue();
                        e.PrefetchCount = options.PrefetchCount;
                        // Bind exactly the catalogue's types, the same bindings a publisher declares.
                        e.ConfigureConsumeTopology = false;
                        if (endpoint.Key.OnlyWith is { } filter) BindFiltered(e, endpoint.Key, filter, cfg.PublishTopology);
                        else foreach (var messageType in endpoint.Key.MessageTypes) Bind(e, messageType);
                        e.UseConsumerRetry(options);
                        foreach (var consumer in endpoint.Select(c => c.Consumer).Distinct())
                            e.ConfigureConsumer(context, consumer);
                    });
            });
        });
        return services;
    }

    /// <summary>The message exchanges → the filter exchange → the endpoint's exchange (see <see cref="QueueShape"/>).</summary>
    static void BindFiltered(IRabbitMqReceiveEndpointConfigurator endpoint, ConsumerEndpoint entry, RoutingFilter filter,
        IRabbitMqPublishTopology publish) =>
        endpoint.Bind(QueueShape.FilterExchange(entry, filter), exchange =>
        {
            exchange.ExchangeType = QueueShape.FilterExchangeType;
            foreach (var (name, value) in QueueShape.FilterBindingArguments(filter)) exchange.SetBindingArgument(name, value!);
            foreach (var messageType in entry.MessageTypes)
                exchange.Bind(MessageExchanges.For(publish, messageType), source => source.ExchangeType = QueueShape.ExchangeType);
        });

    static void Bind(IRabbitMqReceiveEndpointConfigurator endpoint, Type messageType) =>
        typeof(MessagingServiceCollectionExtensions)
            .GetMethod(nameof(BindMessage), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(messageType)
            .Invoke(null, [endpoint]);

    static void BindMessage<T>(IRabbitMqReceiveEndpointConfigurator endpoint) where T : class => endpoint.Bind<T>();
}

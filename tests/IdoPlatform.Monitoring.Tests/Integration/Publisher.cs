using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.BuildingBlocks.Messaging.Topology;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Contracts.Registrations;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>
/// Stands in for the registrations, referrals and offers services: its own bus, which declares the
/// consumer queues before publishing as their relays do, and publishes with a message id the test chooses
/// (a redelivery is the same message id again).
/// </summary>
public sealed class Publisher : IAsyncDisposable
{
    private static readonly Type[] Published =
    [
        typeof(VisitRegistered), typeof(VisitCorrected), typeof(VisitVoided),
        typeof(ReferralIssued), typeof(ReferralArrived), typeof(ReferralArrivalReversed), typeof(ReferralExpired),
        typeof(ReferralCancelled),
        typeof(LocationRegistered), typeof(LocationChanged), typeof(LocationClosed),
    ];

    private readonly IHost _host;

    private Publisher(IHost host) => _host = host;

    public static async Task<Publisher> Start(Uri broker)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RabbitMq"] = broker.ToString(),
        });
        builder.Logging.ClearProviders();
        builder.Services.AddMessaging(builder.Configuration, "registrations");
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<ConsumerQueueDeclarer>().EnsureDeclared(Published, CancellationToken.None);
        return new Publisher(host);
    }

    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        _host.Services.GetRequiredService<IBus>().Publish(message, context => context.MessageId = messageId ?? NewId.NextGuid());

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

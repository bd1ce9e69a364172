using MassTransit.UsageTracking;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Unit;

/// <summary>MassTransit's usage telemetry would post to a third party and log the payload.</summary>
public sealed class UsageTelemetryTests
{
    [Fact]
    public async Task A_service_bus_reports_no_usage_telemetry()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:RabbitMq"] = "amqp://h" })
            .Build();
        var services = new ServiceCollection().AddLogging().AddMessaging(configuration, "audit");
        await using var provider = services.BuildServiceProvider();

        var tracker = Assert.IsType<UsageTracker>(provider.GetRequiredService<IUsageTracker>());

        Assert.False(tracker.Enabled);
    }
}

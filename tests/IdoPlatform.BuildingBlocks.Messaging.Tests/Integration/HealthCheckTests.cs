using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>The broker check that <c>/health/ready</c> runs (the checks tagged "ready").</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task Ready_when_the_broker_answers()
    {
        using var audit = await TestServices.StartAudit(
            await RealServers.NewDatabaseAsync("audit"), await RealServers.NewVirtualHostAsync("health"), new AuditProbe());

        var report = await Eventually.Until(() => Ready(audit.Services), r => r.Status == HealthStatus.Healthy,
            Eventually.Patience, "the bus healthy", r => r.Status.ToString(), Eventually.ShortPause);

        Assert.Contains("rabbitmq", report.Entries.Keys);
        await audit.StopAsync();
    }

    [Fact]
    public async Task Not_ready_when_the_broker_cannot_be_reached()
    {
        var nowhere = new Uri("amqp://guest:guest@127.0.0.1:1/");
        using var audit = await TestServices.StartAudit(await RealServers.NewDatabaseAsync("audit"), nowhere, new AuditProbe());

        var report = await Ready(audit.Services);

        Assert.Equal(HealthStatus.Unhealthy, report.Entries["rabbitmq"].Status);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        await audit.StopAsync();
    }

    static Task<HealthReport> Ready(IServiceProvider services) =>
        services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready"));
}

using IdoPlatform.BuildingBlocks.Messaging.DeadLetters;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>A message that failed for its own sake is reported by readiness and replayed after the fix.</summary>
public sealed class DeadLetterTests
{
    [Fact]
    public async Task Dead_letters_are_reported_then_replayed_after_the_fix_and_a_copy_handled_meanwhile_is_dropped()
    {
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        var broker = await RealServers.NewVirtualHostAsync("deadletters");
        var probe = new AuditProbe();
        probe.FailAlways(13);
        probe.FailAlways(14);
        using var audit = await TestServices.StartAudit(auditDb, broker, probe);
        var bus = audit.Services.GetRequiredService<IBusControl>();
        Assert.Equal(BusHealthStatus.Healthy, await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Eventually.Patience));
        Assert.Equal(HealthStatus.Healthy, (await DeadLetterCheck(audit.Services)).Status);
        var (republished, onlyDeadLettered) = (Guid.NewGuid(), Guid.NewGuid());
        var show = Guid.NewGuid();
        await bus.Publish(new TicketSold(show, 13), c => c.MessageId = republished);
        await bus.Publish(new TicketSold(show, 14), c => c.MessageId = onlyDeadLettered);
        await Eventually.True(async () => await Queues.Count(broker, "audit-tickets_error") == 2, "both in audit-tickets_error");

        var report = await DeadLetterCheck(audit.Services);
        Assert.Equal(HealthStatus.Degraded, report.Status);
        Assert.Contains("audit-tickets_error: 2", report.Description);

        // The fix is deployed; the publisher happens to send one of them again before the replay.
        probe.Heal(13);
        probe.Heal(14);
        await bus.Publish(new TicketSold(show, 13), c => c.MessageId = republished);
        await Eventually.True(() => Task.FromResult(probe.DeliveriesOf(republished) == 4), "the copy sent again handled");

        var replayed = await audit.Services.GetRequiredService<DeadLetterQueues>().Replay("audit-tickets");

        Assert.Equal(2, replayed);
        await Eventually.True(() => Task.FromResult(probe.DeliveriesOf(republished) == 5 && probe.DeliveriesOf(onlyDeadLettered) == 4),
            "both replayed copies delivered");
        await audit.StopAsync();
        Assert.Equal([13, 14], (await Sql.Column<int>(auditDb, "SELECT number FROM audited")).Order());
        Assert.Equal(0u, await Queues.Count(broker, "audit-tickets_error"));
        Assert.Equal(HealthStatus.Healthy, (await DeadLetterCheck(audit.Services)).Status);
    }

    static async Task<HealthReportEntry> DeadLetterCheck(IServiceProvider services) =>
        (await services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Tags.Contains("ready")))
        .Entries[DeadLetterHealthCheck.Name];
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>A consumer on a real broker and database: redeliveries and failures leave one effect.</summary>
public sealed class IdempotentConsumerTests
{
    [Fact]
    public async Task A_message_published_again_with_the_same_id_has_no_second_effect()
    {
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        var broker = await RealServers.NewVirtualHostAsync("inbox");
        var probe = new AuditProbe();
        using var audit = await TestServices.StartAudit(auditDb, broker, probe);
        var bus = audit.Services.GetRequiredService<IBusControl>();
        // Published straight from the bus here (no relay, so nothing declared the queue beforehand):
        // wait until the consumer's endpoint has bound its queue.
        Assert.Equal(BusHealthStatus.Healthy, await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Eventually.Patience));
        var id = Guid.NewGuid();
        var ticket = new TicketSold(Guid.NewGuid(), 7);

        // What a relay does when the broker confirmed but the checkpoint did not commit: publish again.
        await bus.Publish(ticket, c => c.MessageId = id);
        await bus.Publish(ticket, c => c.MessageId = id);

        await Eventually.True(() => Task.FromResult(probe.DeliveriesOf(id) >= 2), "both copies delivered");
        await audit.StopAsync();
        Assert.Equal(1, await Sql.Scalar(auditDb, $"SELECT count(*) FROM audited WHERE message_id = '{id}'"));
    }

    [Fact]
    public async Task An_effect_that_fails_is_retried_and_takes_effect_once()
    {
        var boxOfficeDb = await RealServers.NewDatabaseAsync("boxoffice");
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        var broker = await RealServers.NewVirtualHostAsync("inbox");
        var probe = new AuditProbe();
        probe.FailOnce(2);
        using var audit = await TestServices.StartAudit(auditDb, broker, probe);
        using var boxOffice = await TestServices.StartBoxOffice(boxOfficeDb, broker);
        var appended = await TestServices.StartShow(boxOffice, AppendContext.System, new Sold(1), new Sold(2), new Sold(3));

        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 3, "all three audited");
        await boxOffice.StopAsync();
        await audit.StopAsync();

        Assert.Equal([1, 2, 3], (await Sql.Column<int>(auditDb, "SELECT number FROM audited")).Order());
        Assert.Equal(2, probe.DeliveriesOf(appended[1].Metadata.EventId)); // failed once, retried in process
    }

    [Fact]
    public async Task A_message_that_keeps_failing_goes_to_the_error_queue_after_the_retries_with_no_effect()
    {
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        var broker = await RealServers.NewVirtualHostAsync("inbox");
        var probe = new AuditProbe();
        probe.FailAlways(13);
        using var audit = await TestServices.StartAudit(auditDb, broker, probe);
        var bus = audit.Services.GetRequiredService<IBusControl>();
        Assert.Equal(BusHealthStatus.Healthy, await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Eventually.Patience));
        var id = Guid.NewGuid();

        await bus.Publish(new TicketSold(Guid.NewGuid(), 13), c => c.MessageId = id);

        await Eventually.True(async () => await Queues.Count(broker, "audit-tickets_error") == 1, "the message in audit-tickets_error");
        await audit.StopAsync();
        Assert.Equal(3, probe.DeliveriesOf(id)); // the first attempt and the two configured retries
        Assert.Equal(0, await Sql.Scalar(auditDb, "SELECT count(*) FROM audited"));
        Assert.Equal(0, await Sql.Scalar(auditDb, "SELECT count(*) FROM ido_inbox"));
    }
}

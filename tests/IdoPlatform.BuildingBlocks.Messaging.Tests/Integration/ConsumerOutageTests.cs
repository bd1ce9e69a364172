using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using IdoPlatform.Testing.Outages;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>A consumer whose database goes away while messages keep arriving: they wait, nothing is lost.</summary>
public sealed class ConsumerOutageTests
{
    static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Messages_arriving_while_the_consumer_database_is_down_for_30_seconds_all_take_effect_once_after_it()
    {
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        var broker = await RealServers.NewVirtualHostAsync("outage");
        var direct = new NpgsqlConnectionStringBuilder(auditDb);
        await using var link = TcpLink.To(direct.Host!, direct.Port);
        var throughLink = new NpgsqlConnectionStringBuilder(auditDb) { Port = link.Port }.ConnectionString;
        var probe = new AuditProbe();
        using var audit = await TestServices.StartAudit(throughLink, broker, probe);
        var bus = audit.Services.GetRequiredService<IBusControl>();
        Assert.Equal(BusHealthStatus.Healthy, await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Eventually.Patience));
        var show = Guid.NewGuid();
        await Sell(bus, show, 1, 10);
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") == 10, "the first ten audited");

        link.Cut();
        // Arrivals spread over the outage: at its start, and again once every in-process retry has long
        // given up under the old policy (100 ms, 500 ms, 2 s).
        await Sell(bus, show, 11, 30);
        await Task.Delay(Outage / 2);
        await Sell(bus, show, 31, 50);
        await Task.Delay(Outage / 2);
        Assert.True(probe.Deliveries > 40, "the consumer kept trying during the outage");
        link.Restore();

        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 50, "all fifty audited");
        await audit.StopAsync();
        Assert.Equal(Enumerable.Range(1, 50), (await Sql.Column<int>(auditDb, "SELECT number FROM audited")).Order());
        Assert.Equal(0u, await Queues.Count(broker, "audit-tickets_error"));
    }

    [Fact]
    public async Task A_consumer_stopped_while_its_database_is_down_leaves_the_waiting_messages_in_its_queue()
    {
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        var broker = await RealServers.NewVirtualHostAsync("outage");
        var direct = new NpgsqlConnectionStringBuilder(auditDb);
        await using var link = TcpLink.To(direct.Host!, direct.Port);
        var throughLink = new NpgsqlConnectionStringBuilder(auditDb) { Port = link.Port }.ConnectionString;
        var probe = new AuditProbe();
        using (var audit = await TestServices.StartAudit(throughLink, broker, probe))
        {
            var bus = audit.Services.GetRequiredService<IBusControl>();
            Assert.Equal(BusHealthStatus.Healthy, await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Eventually.Patience));
            link.Cut();
            await Sell(bus, Guid.NewGuid(), 1, 5);
            await Eventually.True(() => Task.FromResult(probe.Deliveries > 10), "the five retried");

            await audit.StopAsync(); // a deploy, say, in the middle of the outage
        }

        // Unacknowledged, they return to the queue as the consumer's channel closes.
        await Eventually.True(async () => await Queues.Count(broker, "audit-tickets") == 5, "the five back in the queue");
        Assert.Equal(0u, await Queues.Count(broker, "audit-tickets_error"));
        link.Restore();
        using var again = await TestServices.StartAudit(throughLink, broker, probe);
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 5, "all five audited");
        await again.StopAsync();
        Assert.Equal(Enumerable.Range(1, 5), (await Sql.Column<int>(auditDb, "SELECT number FROM audited")).Order());
    }

    static async Task Sell(IBus bus, Guid show, int from, int to)
    {
        for (var number = from; number <= to; number++)
            await bus.Publish(new TicketSold(show, number));
    }
}

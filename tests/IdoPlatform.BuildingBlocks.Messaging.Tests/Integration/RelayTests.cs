using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>The relay against a real PostgreSQL and RabbitMQ: the event log is the outbox.</summary>
public sealed class RelayTests
{
    [Fact]
    public async Task Each_event_reaches_the_consumer_once_with_its_event_id_as_message_id_and_its_correlation()
    {
        var (boxOfficeDb, auditDb, broker) = await Fresh();
        var probe = new AuditProbe();
        using var audit = await TestServices.StartAudit(auditDb, broker, probe);
        using var boxOffice = await TestServices.StartBoxOffice(boxOfficeDb, broker);

        var correlation = Guid.NewGuid();
        var sold = new List<StoredEvent>();
        for (var show = 0; show < 20; show++)
        {
            sold.AddRange(await TestServices.StartShow(boxOffice, new AppendContext("kassa", correlation.ToString()),
                [.. Enumerable.Range(show * 10, 10).Select(n => (object)new Sold(n))]));
        }

        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 200, "200 tickets audited");
        await StopAll(boxOffice, audit);

        var received = await Sql.Column<Guid>(auditDb, "SELECT message_id FROM audited");
        Assert.Equal(200, received.Count);
        Assert.Equal(sold.Select(e => e.Metadata.EventId).Order(), received.Order());
        Assert.Equal(200, await Sql.Scalar(auditDb, $"SELECT count(*) FROM audited WHERE correlation_id = '{correlation}'"));
        Assert.Equal(20, await Sql.Scalar(auditDb, "SELECT count(*) FROM audited WHERE stream_version = 10"));
        Assert.Equal(200, await Sql.Scalar(auditDb, "SELECT count(*) FROM audited WHERE stream_version = number % 10 + 1"));
        Assert.Equal(0, await Sql.Scalar(auditDb,
            "SELECT count(*) FROM audited a WHERE NOT EXISTS (SELECT 1 FROM ido_inbox i WHERE i.message_id = a.message_id)"));
    }

    [Fact]
    public async Task Events_without_a_message_are_skipped_and_the_checkpoint_still_moves_past_them()
    {
        var (boxOfficeDb, auditDb, broker) = await Fresh();
        var probe = new AuditProbe();
        using var audit = await TestServices.StartAudit(auditDb, broker, probe);
        using var boxOffice = await TestServices.StartBoxOffice(boxOfficeDb, broker);

        await TestServices.StartShow(boxOffice, AppendContext.System, new NoteTaken("zaal 1"), new Sold(1), new NoteTaken("zaal 2"));
        var last = await TestServices.StartShow(boxOffice, AppendContext.System, new NoteTaken("alleen een notitie"));

        await Eventually.True(async () => await TestServices.RelayPosition(boxOffice) == last[^1].Sequence,
            "the relay's checkpoint reaches the last (unmapped) event");
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 1, "the ticket audited");
        await StopAll(boxOffice, audit);

        Assert.Equal([1], await Sql.Column<int>(auditDb, "SELECT number FROM audited"));
    }

    [Fact]
    public async Task Each_streams_messages_reach_the_queue_in_version_order()
    {
        var (boxOfficeDb, _, broker) = await Fresh();
        using var boxOffice = await TestServices.StartBoxOffice(boxOfficeDb, broker);
        // Long streams, so one relay page holds many events of each. When a page's publishes all started at once, a
        // busy machine (every core loaded) put them in the queue reversed: 60, 59, 58, …
        var appended = new List<StoredEvent>();
        for (var show = 0; show < 5; show++)
            appended.AddRange(await TestServices.StartShow(boxOffice, AppendContext.System,
                [.. Enumerable.Range(0, 60).Select(n => (object)new Sold(n))]));
        await Eventually.True(async () => await TestServices.RelayPosition(boxOffice) == appended[^1].Sequence,
            "the relay published and the broker confirmed");
        await StopAll(boxOffice);

        // No consumer ran: the queue holds the messages in the order the broker took them.
        var queued = await Queues.TakeStreamVersions(broker, TestTopology.AuditTickets.QueueName);
        Assert.Equal(300, queued.Count);
        foreach (var stream in queued.GroupBy(q => q.Stream))
            Assert.Equal(Enumerable.Range(1, 60).Select(v => (long)v), stream.Select(q => q.Version));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_message_published_before_its_consumer_ever_started_waits_in_the_consumers_queue(bool quorum)
    {
        var (boxOfficeDb, auditDb, broker) = await Fresh();
        using var boxOffice = await TestServices.StartBoxOffice(boxOfficeDb, broker, quorum);
        var appended = await TestServices.StartShow(boxOffice, AppendContext.System, new Sold(1), new Sold(2), new Sold(3));
        await Eventually.True(async () => await TestServices.RelayPosition(boxOffice) == appended[^1].Sequence,
            "the relay published and the broker confirmed");

        // The consumer service starts only now, and its own declaration (same queue, same arguments)
        // must be accepted by the broker, or it would never consume.
        var probe = new AuditProbe();
        using var audit = await TestServices.StartAudit(auditDb, broker, probe, quorum);

        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 3, "all three audited");
        await StopAll(boxOffice, audit);
        Assert.Equal([1, 2, 3], (await Sql.Column<int>(auditDb, "SELECT number FROM audited")).Order());
    }

    [Fact]
    public async Task With_the_broker_away_appends_succeed_and_everything_is_delivered_once_it_returns()
    {
        var boxOfficeDb = await RealServers.NewDatabaseAsync("boxoffice");
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        await using var server = await RealServers.StartOwnRabbitMqAsync();
        var broker = await server.CreateVirtualHostAsync("relay-outage");
        var probe = new AuditProbe();
        using var audit = await TestServices.StartAudit(auditDb, broker, probe);
        using var boxOffice = await TestServices.StartBoxOffice(boxOfficeDb, broker);

        await TestServices.StartShow(boxOffice, AppendContext.System, [.. Enumerable.Range(0, 10).Select(n => (object)new Sold(n))]);
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 10, "first 10 audited");

        await server.StopAsync();
        await AssertABatchFailsInBoundedTime(boxOffice);
        var duringOutage = new List<StoredEvent>();
        for (var i = 10; i < 60; i++)
            duringOutage.AddRange(await TestServices.StartShow(boxOffice, AppendContext.System, new Sold(i)));
        Assert.Equal(50, duringOutage.Count);
        Assert.True(await TestServices.RelayPosition(boxOffice) < duringOutage[0].Sequence,
            "nothing appended during the outage may count as relayed");

        await server.StartAsync();
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(DISTINCT number) FROM audited WHERE number >= 0") >= 60,
            "all 60 audited after the broker returned");
        await StopAll(boxOffice, audit);

        Assert.Equal(60, await Sql.Scalar(auditDb, "SELECT count(*) FROM audited WHERE number >= 0"));
        Assert.Equal(Enumerable.Range(0, 60), (await Sql.Column<int>(auditDb, "SELECT number FROM audited WHERE number >= 0")).Order());
    }

    [Fact]
    public async Task With_no_broker_to_reach_a_batch_fails_in_bounded_time_instead_of_hanging()
    {
        var boxOfficeDb = await RealServers.NewDatabaseAsync("boxoffice");
        var nowhere = new Uri($"amqp://guest:guest@127.0.0.1:{ClosedPort()}/");
        using var boxOffice = await TestServices.StartBoxOffice(boxOfficeDb, nowhere);

        await AssertABatchFailsInBoundedTime(boxOffice);
        await boxOffice.StopAsync();
    }

    /// <summary>Hands the relay a batch directly, as the daemon would, while no broker answers.</summary>
    static async Task AssertABatchFailsInBoundedTime(IHost boxOffice)
    {
        var relay = boxOffice.Services.GetRequiredService<IntegrationEventRelay>();
        var stored = new StoredEvent(1, Guid.NewGuid(), 1, "sold", new Sold(-1),
            new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, null, null, null));

        var handling = relay.Publish([stored], CancellationToken.None);

        // The bound (Messaging:PublishTimeout, 5 s here) is what ends it; the delay only turns a hang into a failure.
        var first = await Task.WhenAny(handling, Task.Delay(Eventually.Patience));
        Assert.Same(handling, first);
        Assert.True(handling.IsFaulted || handling.IsCanceled, "the batch must fail, so the checkpoint stays");
    }

    static async Task<(string BoxOffice, string Audit, Uri Broker)> Fresh() =>
        (await RealServers.NewDatabaseAsync("boxoffice"), await RealServers.NewDatabaseAsync("audit"),
            await RealServers.NewVirtualHostAsync("relay"));

    static async Task StopAll(params IHost[] hosts)
    {
        foreach (var host in hosts) await host.StopAsync();
    }

    static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

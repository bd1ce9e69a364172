using System.Diagnostics;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using IdoPlatform.Testing.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>
/// Gaps in the event sequence, seen from a consumer across RabbitMQ: an append still in flight holds back what was
/// committed after it (never skipped), and an append that rolled back holds back nothing for long.
/// </summary>
public sealed class RelayGapTests(ITestOutputHelper output)
{
    /// <summary>Longer than Marten's stale-sequence threshold (3 s), after which a hole without a live transaction is skipped.</summary>
    private static readonly TimeSpan BeyondStaleThreshold = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_append_held_open_past_the_stale_threshold_is_delivered_once_it_commits_and_the_later_one_waits_for_it()
    {
        var (boxOffice, _, auditDb, gate, audit) = await Start();
        using var __ = boxOffice;
        using var ___ = audit;
        gate.Holds = e => e is Sold { Number: 1 };

        var held = TestServices.StartShow(boxOffice, AppendContext.System, new Sold(1));
        await gate.Entered.Task.WaitAsync(Eventually.Patience);
        var later = await TestServices.StartShow(boxOffice, AppendContext.System, new Sold(2));
        await Task.Delay(BeyondStaleThreshold);

        // The later event is committed, but publishing it would move the relay past the hole the open append may fill.
        Assert.Equal(0, await Sql.Scalar(auditDb, "SELECT count(*) FROM audited"));
        Assert.True(await TestServices.RelayPosition(boxOffice) < later[0].Sequence);

        gate.Release.SetResult();
        var first = await held;
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 2, "both tickets audited");
        await boxOffice.StopAsync();
        await audit.StopAsync();

        // Each delivered once, as the message whose id is its event's id.
        Assert.True(first[0].Sequence < later[0].Sequence);
        Assert.Equal([first[0].Metadata.EventId, later[0].Metadata.EventId],
            await Sql.Column<Guid>(auditDb, "SELECT message_id FROM audited ORDER BY number"));
    }

    [Fact]
    public async Task An_append_that_rolled_back_holds_back_later_events_only_for_seconds_and_is_never_delivered()
    {
        var (boxOffice, _, auditDb, gate, audit) = await Start();
        using var __ = boxOffice;
        using var ___ = audit;
        gate.Fails = e => e is Sold { Number: 1 };

        await Assert.ThrowsAnyAsync<Exception>(() => TestServices.StartShow(boxOffice, AppendContext.System, new Sold(1)));
        var clock = Stopwatch.StartNew();
        await TestServices.StartShow(boxOffice, AppendContext.System, new Sold(2));

        // Marten's stale threshold is 3 s; the daemon's polling and a busy test machine add a little.
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 1,
            "the later ticket audited", within: TimeSpan.FromSeconds(10));
        output.WriteLine($"the later ticket was audited {clock.Elapsed.TotalSeconds:0.0} s after its append");
        await boxOffice.StopAsync();
        await audit.StopAsync();

        Assert.Equal([2], await Sql.Column<int>(auditDb, "SELECT number FROM audited"));
    }

    [Fact]
    public async Task A_hole_left_by_a_writer_that_died_mid_append_holds_back_later_events_only_for_seconds()
    {
        var (boxOffice, boxOfficeDb, auditDb, _, audit) = await Start();
        using var __ = boxOffice;
        using var ___ = audit;
        await TestServices.StartShow(boxOffice, AppendContext.System, new Sold(1));
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 1, "the first ticket audited");

        // As a writer that crashed mid-append: its sequence number is drawn and nothing (not even a tombstone) fills it.
        await Sql.Scalar(boxOfficeDb, "BEGIN; SELECT nextval('mt_events_sequence'); ROLLBACK; SELECT 1");
        var clock = Stopwatch.StartNew();
        await TestServices.StartShow(boxOffice, AppendContext.System, new Sold(2));

        // No live transaction can fill the hole, so the daemon moves past it once it is older than 3 s.
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") >= 2,
            "the later ticket audited past the hole", within: TimeSpan.FromSeconds(10));
        output.WriteLine($"the later ticket was audited {clock.Elapsed.TotalSeconds:0.0} s after its append");
        await boxOffice.StopAsync();
        await audit.StopAsync();

        Assert.Equal([1, 2], (await Sql.Column<int>(auditDb, "SELECT number FROM audited")).Order());
    }

    private static async Task<(IHost BoxOffice, string BoxOfficeDb, string AuditDb, AppendGate Gate, IHost Audit)> Start()
    {
        var boxOfficeDb = await RealServers.NewDatabaseAsync("boxoffice");
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        var broker = await RealServers.NewVirtualHostAsync("relaygap");
        var audit = await TestServices.StartAudit(auditDb, broker, new AuditProbe());
        var boxOffice = await TestServices.StartBoxOffice(boxOfficeDb, broker, services: s => s.AddInlineProjection<AppendGate>());
        return (boxOffice, boxOfficeDb, auditDb, boxOffice.Services.GetRequiredService<AppendGate>(), audit);
    }
}

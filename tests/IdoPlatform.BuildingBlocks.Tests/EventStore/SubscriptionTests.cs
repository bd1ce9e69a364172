using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Testing;
using IdoPlatform.Testing.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>Subscriptions in Marten's async daemon (HotCold) against a real PostgreSQL: nothing skipped, nothing doubled.</summary>
public sealed class SubscriptionTests
{
    /// <summary>Longer than Marten's stale-sequence threshold (3 s), after which a hole without a live transaction is skipped.</summary>
    private static readonly TimeSpan BeyondStaleThreshold = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task An_append_held_open_past_the_stale_threshold_is_not_skipped_and_both_arrive_in_sequence_order()
    {
        var db = await NewDatabaseWithSeenTable();
        using var host = await StartRecording(db, "solo", s => s.AddInlineProjection<AppendGate>());
        var gate = host.Services.GetRequiredService<AppendGate>();
        gate.Holds = e => e is Counted { Number: 1 };

        var held = host.Count(1);
        await gate.Entered.Task.WaitAsync(Eventually.Patience);
        var later = await host.Count(2);
        await Task.Delay(BeyondStaleThreshold);

        // The later event is committed, but delivering it would pass the hole the open append may still fill.
        Assert.Equal(0, await Seen(db));

        gate.Release.SetResult();
        var first = await held;
        await Eventually.True(async () => await Seen(db) >= 2, "both events handled");

        Assert.True(first[0].Sequence < later[0].Sequence);
        Assert.Equal([first[0].Metadata.EventId, later[0].Metadata.EventId],
            await Sql.Column<Guid>(db, "SELECT event_id FROM seen ORDER BY n"));
    }

    [Fact]
    public async Task A_failed_append_is_never_delivered_and_does_not_stall_later_events()
    {
        var db = await NewDatabaseWithSeenTable();
        using var host = await StartRecording(db, "solo", s => s.AddInlineProjection<AppendGate>());
        host.Services.GetRequiredService<AppendGate>().Fails = e => e is Counted { Number: 1 };

        await Assert.ThrowsAnyAsync<Exception>(() => host.Count(1)); // draws a sequence number, then rolls back
        var later = await host.Count(2);

        await Eventually.True(async () => await Delivered(db, later[0]), "the later event handled",
            within: TimeSpan.FromSeconds(10));
        // Marten fills the drawn number with a "tombstone" event, which subscriptions receive too; the failed event never.
        Assert.Equal(["counted"], await Sql.Column<string>(db, "SELECT type FROM seen WHERE type <> 'tombstone'"));
    }

    [Fact]
    public async Task A_hole_left_by_a_writer_that_rolled_back_without_marten_does_not_stall_later_events()
    {
        var db = await NewDatabaseWithSeenTable();
        using var host = await StartRecording(db, "solo");
        await host.Count(1);
        await Eventually.True(async () => await Seen(db) >= 1, "the first event handled");

        // As a writer that crashed mid-append: its sequence number is drawn and nothing (not even a tombstone) fills it.
        await Sql.Scalar(db, "BEGIN; SELECT nextval('mt_events_sequence'); ROLLBACK; SELECT 1");
        var later = await host.Count(2);

        // No live transaction can fill the hole, so Marten skips it once older than its threshold (3 s).
        await Eventually.True(async () => await Delivered(db, later[0]), "the later event handled past the hole",
            within: TimeSpan.FromSeconds(10));
        Assert.Equal(2, await Seen(db));
    }

    [Fact]
    public async Task Of_two_hosts_one_handles_each_event_once_and_the_other_takes_over_when_it_dies()
    {
        var db = await NewDatabaseWithSeenTable();
        using var a = await StartRecording(db, "A");
        using var b = await StartRecording(db, "B");

        var before = await AppendCounters(a, 20);
        await Eventually.True(async () => await Seen(db) >= 20, "20 events handled");
        var leader = Assert.Single(await Sql.Column<string>(db, "SELECT DISTINCT instance FROM seen"));
        var (dying, survivor, other) = leader == "A" ? (a, b, "B") : (b, a, "A");

        // Abruptly: PostgreSQL ends every session of the leader (its advisory lock goes with them), then it stops.
        await Sql.Scalar(db, $"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = '{leader}'");
        await StopQuietly(dying);

        var after = await AppendCounters(survivor, 20);
        await Eventually.True(async () => await Seen(db) >= 40, "40 events handled");

        Assert.Equal(40, await Sql.Scalar(db, "SELECT count(*) FROM seen"));
        Assert.Equal(40, await Sql.Scalar(db, "SELECT count(DISTINCT event_id) FROM seen"));
        Assert.Equal(before.Concat(after).Order(), (await Sql.Column<Guid>(db, "SELECT event_id FROM seen")).Order());
        Assert.Equal(after.Order(),
            (await Sql.Column<Guid>(db, $"SELECT event_id FROM seen WHERE instance = '{other}' AND seq > (SELECT max(seq) FROM seen WHERE instance = '{leader}')")).Order());
    }

    [Fact]
    public async Task The_leaders_lock_outlives_idle_in_transaction_timeouts_and_no_event_is_handled_twice()
    {
        var db = await NewDatabaseWithSeenTable();
        var handOuts = new HandOuts();
        using var a = await StartRecording(db, "A", handOuts: handOuts, configure: o => o.IdleInTransactionTimeout = TimeSpan.FromSeconds(1));
        using var b = await StartRecording(db, "B", handOuts: handOuts, configure: o => o.IdleInTransactionTimeout = TimeSpan.FromSeconds(1));

        // Idle gaps longer than the timeout, in which PostgreSQL would end a session idling in a transaction.
        for (var round = 1; round <= 3; round++)
        {
            await AppendCounters(round % 2 == 0 ? a : b, 10);
            await Eventually.True(async () => await Seen(db) >= round * 10, $"round {round} handled");
            await Task.Delay(TimeSpan.FromSeconds(2.5));
        }

        Assert.Equal(30, await Sql.Scalar(db, "SELECT count(*) FROM seen"));
        Assert.Equal(30, await Sql.Scalar(db, "SELECT count(DISTINCT event_id) FROM seen"));
        // Effects in the subscription's transaction are safe anyway; a relay's publish would have been repeated.
        Assert.Empty(handOuts.HandedMoreThanOnce);
    }

    static async Task<string> NewDatabaseWithSeenTable()
    {
        var db = await StoreHost.NewDatabase();
        await Sql.Scalar(db, RecordingSubscription.Table + "; SELECT 1");
        return db;
    }

    /// <summary>A host running <see cref="RecordingSubscription"/>; its sessions carry the instance as application name.</summary>
    static Task<IHost> StartRecording(string db, string instance, Action<IServiceCollection>? services = null,
        Action<EventStoreOptions>? configure = null, HandOuts? handOuts = null) =>
        StoreHost.Start($"{db};Application Name={instance}", s =>
        {
            s.AddSingleton(new Instance(instance, handOuts ?? new HandOuts()));
            s.AddSubscription<RecordingSubscription>();
            services?.Invoke(s);
        }, configure);

    static Task<long> Seen(string db) => Sql.Scalar(db, "SELECT count(*) FROM seen");

    static async Task<bool> Delivered(string db, StoredEvent e) =>
        await Sql.Scalar(db, $"SELECT count(*) FROM seen WHERE event_id = '{e.Metadata.EventId}'") > 0;

    static async Task<List<Guid>> AppendCounters(IHost host, int count)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add((await host.Count(i))[0].Metadata.EventId);
        return ids;
    }

    static async Task StopQuietly(IHost host)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await host.StopAsync(timeout.Token);
        }
        catch (Exception)
        {
            // Its connections were just killed: a failing shutdown is expected, the host is gone either way.
        }
    }
}

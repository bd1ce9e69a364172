using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

public sealed class SubscriptionTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_later_commit_does_not_let_the_reader_pass_an_open_append()
    {
        await using var db = await StoreDatabase.Create();
        await db.Scalar(RecordingSubscription.Table + "; SELECT 1");
        var gate = new GateProjection(holdNumber: 1);
        var store = db.Store(gate);
        var runner = db.Runner(new RecordingSubscription("solo"));
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await db.Scalar("INSERT INTO ido_subscriptions (name) VALUES ('recording'); SELECT 1");

        var held = store.StartStream("counter", Guid.NewGuid(), [new Counted(1)], AppendContext.System);
        await gate.Entered.Task.WaitAsync(Patience);
        var later = await store.StartStream("counter", Guid.NewGuid(), [new Counted(2)], AppendContext.System);

        Assert.Equal(0, await runner.RunOnce(connection, CancellationToken.None));
        Assert.Equal(0, await db.Scalar("SELECT count(*) FROM seen"));

        gate.Release.SetResult();
        var first = await held;
        // Transactions elsewhere on the server may delay the reader a little; it must never skip.
        await Eventually(async () =>
        {
            await runner.RunOnce(connection, CancellationToken.None);
            return await db.Scalar("SELECT count(*) FROM seen") >= 2;
        });
        Assert.Equal(0, await runner.RunOnce(connection, CancellationToken.None));
        Assert.Equal(first.Events[0].Metadata.EventId.ToString(),
            (await db.Text("SELECT event_id::text FROM seen ORDER BY seq LIMIT 1")));

        // Both seen exactly once, in commit-safe order although the held one has the lower sequence.
        Assert.True(first.Events[0].Sequence < later.Events[0].Sequence);
        Assert.Equal(2, await db.Scalar("SELECT count(DISTINCT event_id) FROM seen"));
        Assert.Equal(2, await db.Scalar("SELECT count(*) FROM seen"));
    }

    [Fact]
    public async Task One_of_two_instances_runs_a_subscription_and_the_other_takes_over_when_it_dies()
    {
        await using var db = await StoreDatabase.Create();
        await db.Scalar(RecordingSubscription.Table + "; SELECT 1");
        var store = db.Store();
        using var stopA = new CancellationTokenSource();
        using var stopB = new CancellationTokenSource();

        var runA = db.Runner(new RecordingSubscription("A")).Run(stopA.Token);
        await Eventually(async () => await db.Scalar(HeldLocks) == 1);
        var runB = db.Runner(new RecordingSubscription("B")).Run(stopB.Token);

        await AppendMany(store, 50);
        await Eventually(async () => await db.Scalar("SELECT count(*) FROM seen") >= 50);
        Assert.Equal(50, await db.Scalar("SELECT count(*) FROM seen WHERE instance = 'A'"));

        // Kill A the hard way: its database session is cut and its process stops.
        Assert.Equal(1, await db.Scalar($"SELECT count(pg_terminate_backend(pid)) FROM ({LockHolders}) AS holder"));
        stopA.Cancel();
        await runA;

        await AppendMany(store, 50);
        await Eventually(async () => await db.Scalar("SELECT count(*) FROM seen") >= 100);
        stopB.Cancel();
        await runB;

        Assert.Equal(100, await db.Scalar("SELECT count(*) FROM seen"));
        Assert.Equal(100, await db.Scalar("SELECT count(DISTINCT event_id) FROM seen"));
        Assert.Equal(50, await db.Scalar("SELECT count(*) FROM seen WHERE instance = 'B'"));
    }

    private static readonly long RecordingLock = SubscriptionRunner.LockKey("recording");

    // Who holds the recording subscription's advisory lock in this test's database (others share the server).
    private static readonly string LockHolders = $"""
        SELECT pid FROM pg_locks
        WHERE locktype = 'advisory' AND granted
          AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND classid = '{(uint)(RecordingLock >> 32)}'::oid AND objid = '{(uint)RecordingLock}'::oid
        """;

    private static readonly string HeldLocks = $"SELECT count(*) FROM ({LockHolders}) AS holders";

    private static async Task AppendMany(IEventStore store, int count)
    {
        for (var i = 0; i < count; i++)
            await store.StartStream("counter", Guid.NewGuid(), [new Counted(i)], AppendContext.System);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        while (!await condition()) await Task.Delay(25, timeout.Token);
    }
}

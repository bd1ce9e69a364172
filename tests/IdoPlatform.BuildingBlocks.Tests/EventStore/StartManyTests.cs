using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

public sealed class StartManyTests
{
    [Fact]
    public async Task Starts_each_new_stream_once_and_skips_taken_or_repeated_ids()
    {
        await using var db = await StoreDatabase.Create();
        var store = db.Store();
        var (taken, fresh, repeated) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await store.StartStream("message", taken, [new Counted(0)], AppendContext.System);

        var started = await store.StartStreams("message",
        [
            new NewStream(taken, new Counted(1), new AppendContext("bus", "c-1", "m-1")),
            new NewStream(fresh, new Counted(2), new AppendContext("bus", null, "m-2")),
            new NewStream(repeated, new Counted(3), new AppendContext("bus", "c-3", "m-3")),
            new NewStream(repeated, new Counted(4), new AppendContext("bus", "c-4", "m-4")),
        ]);

        Assert.Equal(new HashSet<Guid> { fresh, repeated }, started.ToHashSet());
        Assert.Equal(new Counted(0), Assert.Single(await store.FetchStream(taken)).Data);
        var freshEvent = Assert.Single(await store.FetchStream(fresh));
        Assert.Equal((new Counted(2), 1L, "message"), (freshEvent.Data, freshEvent.StreamVersion, freshEvent.StreamType));
        Assert.Equal(("bus", null, "m-2"), (freshEvent.Metadata.Actor, freshEvent.Metadata.CorrelationId, freshEvent.Metadata.CausationId));
        Assert.Equal(new Counted(3), Assert.Single(await store.FetchStream(repeated)).Data);
        Assert.Equal(3, await db.Scalar("SELECT count(*) FROM ido_events"));
    }

    [Fact]
    public async Task Inline_projections_see_only_the_started_streams_in_the_same_transaction()
    {
        await using var db = await StoreDatabase.Create();
        await db.Scalar("CREATE TABLE projected (number int); SELECT 1");
        var store = db.Store(new ProjectedNumbers());
        var taken = Guid.NewGuid();
        await store.StartStream("message", taken, [new Counted(0)], AppendContext.System);

        await store.StartStreams("message",
        [
            new NewStream(taken, new Counted(1), AppendContext.System),
            new NewStream(Guid.NewGuid(), new Counted(2), AppendContext.System),
            new NewStream(Guid.NewGuid(), new Counted(3), AppendContext.System),
        ]);

        Assert.Equal(5, await db.Scalar("SELECT sum(number) FROM projected"));
        Assert.Equal(3, await db.Scalar("SELECT count(*) FROM projected"));
    }
}

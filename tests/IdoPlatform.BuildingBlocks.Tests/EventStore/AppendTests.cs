using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

public sealed class AppendTests
{
    private static readonly AppendContext Desk = new("account-1", "corr-1");

    [Fact]
    public async Task Appends_and_fetches_a_stream_in_version_order_with_metadata()
    {
        await using var db = await StoreDatabase.Create();
        var store = db.Store();
        var id = Guid.NewGuid();

        await store.StartStream("counter", id, [new Counted(1), new Counted(2)], Desk);
        var result = await store.Append(id, 2, [new Renamed("drie")], Desk);

        Assert.Equal(3, result.Version);
        var events = await store.FetchStream(id);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.StreamVersion));
        Assert.Equal([new Counted(1), new Counted(2), new Renamed("drie")], events.Select(e => e.Data));
        Assert.Equal(["counted", "counted", "renamed"], events.Select(e => e.TypeAlias));
        Assert.All(events, e => Assert.Equal("account-1", e.Metadata.Actor));
        Assert.All(events, e => Assert.Equal("counter", e.StreamType));
        Assert.Equal(3, events.Select(e => e.Metadata.EventId).Distinct().Count());
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_typed_error_and_writes_nothing()
    {
        await using var db = await StoreDatabase.Create();
        var store = db.Store();
        var id = Guid.NewGuid();
        await store.StartStream("counter", id, [new Counted(1)], Desk);
        await store.Append(id, 1, [new Counted(2)], Desk);
        var sequenceBefore = await db.Scalar("SELECT last_value FROM ido_events_seq_seq");

        var error = await Assert.ThrowsAsync<ConcurrencyException>(() => store.Append(id, 1, [new Counted(99)], Desk));

        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.ActualVersion);
        Assert.Equal(2, await db.Scalar("SELECT count(*) FROM ido_events"));
        Assert.Equal(2, await db.Scalar($"SELECT max(version) FROM ido_events WHERE stream_id = '{id}'"));
        // The version check happens before a sequence number is taken.
        Assert.Equal(sequenceBefore, await db.Scalar("SELECT last_value FROM ido_events_seq_seq"));
    }

    [Fact]
    public async Task Starting_an_existing_stream_or_appending_to_a_missing_one_fails()
    {
        await using var db = await StoreDatabase.Create();
        var store = db.Store();
        var id = Guid.NewGuid();
        await store.StartStream("counter", id, [new Counted(1)], Desk);

        var taken = await Assert.ThrowsAsync<ConcurrencyException>(() => store.StartStream("counter", id, [new Counted(5)], Desk));
        var missing = await Assert.ThrowsAsync<ConcurrencyException>(() => store.Append(Guid.NewGuid(), 0, [new Counted(5)], Desk));

        Assert.Equal(1, taken.ActualVersion);
        Assert.Null(missing.ActualVersion);
        Assert.Equal(1, await db.Scalar("SELECT count(*) FROM ido_events"));
    }

    [Fact]
    public async Task Racing_appends_on_one_version_let_exactly_one_win()
    {
        await using var db = await StoreDatabase.Create();
        var store = db.Store();
        var id = Guid.NewGuid();
        await store.StartStream("counter", id, [new Counted(0)], Desk);

        var attempts = Enumerable.Range(1, 8).Select(async n =>
        {
            try { await store.Append(id, 1, [new Counted(n)], Desk); return true; }
            catch (ConcurrencyException) { return false; }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
        Assert.Equal(2, await db.Scalar("SELECT count(*) FROM ido_events"));
    }

    [Fact]
    public async Task Racing_starts_of_one_stream_keep_only_the_winners_inline_effects()
    {
        await using var db = await StoreDatabase.Create();
        await db.Scalar("CREATE TABLE projected (number int); SELECT 1");
        var store = db.Store(new ProjectedNumbers());
        var id = Guid.NewGuid();

        var attempts = Enumerable.Range(1, 6).Select(async n =>
        {
            try { await store.StartStream("counter", id, [new Counted(n)], Desk); return true; }
            catch (ConcurrencyException e) { Assert.Equal(1, e.ActualVersion); return false; }
        });
        var outcomes = await Task.WhenAll(attempts);

        Assert.Single(outcomes, won => won);
        Assert.Equal(1, await db.Scalar("SELECT count(*) FROM ido_events"));
        Assert.Equal(1, await db.Scalar("SELECT count(*) FROM projected"));
        Assert.Equal(await db.Scalar("SELECT (data->>'number')::int FROM ido_events"), await db.Scalar("SELECT number FROM projected"));
    }

    [Fact]
    public async Task Events_stored_in_an_old_version_are_upcast_when_read()
    {
        await using var db = await StoreDatabase.Create();
        db.Options.Events.Upcast("greeted", 1, v1 => new System.Text.Json.Nodes.JsonObject
        {
            ["greeting"] = v1["text"]!.GetValue<string>(),
            ["audience"] = "iedereen",
        });
        var id = Guid.NewGuid();
        await db.Scalar($$"""
            INSERT INTO ido_events (stream_id, stream_type, version, type, type_version, data, event_id, created_at)
            VALUES ('{{id}}', 'greeter', 1, 'greeted', 1, '{"text": "Goedemorgen"}', gen_random_uuid(), now());
            SELECT 1;
            """);

        var events = await db.Store().FetchStream(id);

        Assert.Equal(new Greeted("Goedemorgen", "iedereen"), Assert.Single(events).Data);
    }

    [Fact]
    public async Task Unregistered_event_types_are_refused_before_anything_is_written()
    {
        await using var db = await StoreDatabase.Create();

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            db.Store().StartStream("x", Guid.NewGuid(), [new { Anonymous = true }], Desk));

        Assert.Equal(0, await db.Scalar("SELECT count(*) FROM ido_events"));
    }
}

using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>The write path (<see cref="EventStreams"/>) on Marten against a real PostgreSQL.</summary>
public sealed class AppendTests
{
    private static readonly AppendContext Desk = new("account-1", "corr-1", "cause-1");

    [Fact]
    public async Task A_stale_accepted_version_answers_stale_and_writes_nothing()
    {
        var db = await StoreHost.NewDatabase();
        using var host = await StoreHost.Start(db);
        var streams = host.Streams();
        var id = Guid.NewGuid();
        await streams.Start<Counter>(id, [new Counted(1)], Desk);
        await streams.Change<Counter>(id, _ => Decision.Accept(new Counted(2)), Desk);

        // The caller read version 1 (its If-Match); the stream is at 2 by now.
        var written = await streams.Change<Counter>(id, _ => Decision.Accept(new Counted(99)), Desk, acceptsVersion: v => v == 1);

        Assert.Equal(WriteStatus.Stale, written.Status);
        Assert.Equal([new Counted(1), new Counted(2)], (await streams.History(id)).Select(e => e.Data));
    }

    [Fact]
    public async Task A_lost_race_is_a_concurrency_exception_and_writes_nothing_of_the_loser()
    {
        var db = await StoreHost.NewDatabase();
        using var host = await StoreHost.Start(db);
        var streams = host.Streams();
        var id = Guid.NewGuid();
        await streams.Start<Counter>(id, [new Counted(1)], Desk);

        await Assert.ThrowsAsync<ConcurrencyException>(() => streams.Change<Counter>(id, async (_, _) =>
        {
            await streams.Change<Counter>(id, _ => Decision.Accept(new Counted(10)), Desk); // the winner, in between
            return Decision.Accept(new Counted(20));
        }, Desk));

        Assert.Equal([new Counted(1), new Counted(10)], (await streams.History(id)).Select(e => e.Data));
    }

    [Fact]
    public async Task A_lost_race_is_decided_again_on_the_new_state_when_attempts_allow()
    {
        var db = await StoreHost.NewDatabase();
        using var host = await StoreHost.Start(db);
        var streams = host.Streams();
        var id = Guid.NewGuid();
        await streams.Start<Counter>(id, [new Counted(1)], Desk);
        var totalsSeen = new List<int>();

        var written = await streams.Change<Counter>(id, async (state, _) =>
        {
            totalsSeen.Add(state.Total);
            if (totalsSeen.Count == 1) await streams.Change<Counter>(id, _ => Decision.Accept(new Counted(10)), Desk);
            return Decision.Accept(new Counted(20));
        }, Desk, attempts: 2);

        Assert.Equal(WriteStatus.Appended, written.Status);
        Assert.Equal([1, 11], totalsSeen);
        Assert.Equal(3, written.Version);
        Assert.Equal(31, written.State!.Total);
        Assert.Equal([new Counted(1), new Counted(10), new Counted(20)], (await streams.History(id)).Select(e => e.Data));
    }

    [Fact]
    public async Task Starting_a_stream_on_a_taken_id_is_a_concurrency_exception_and_writes_nothing()
    {
        var db = await StoreHost.NewDatabase();
        using var host = await StoreHost.Start(db);
        var streams = host.Streams();
        var id = Guid.NewGuid();
        await streams.Start<Counter>(id, [new Counted(1)], Desk);

        await Assert.ThrowsAsync<ConcurrencyException>(() => streams.Start<Counter>(id, [new Counted(5)], Desk));

        Assert.Equal([new Counted(1)], (await streams.History(id)).Select(e => e.Data));
    }

    [Fact]
    public async Task A_unique_violation_in_an_inline_projection_surfaces_as_23505_and_nothing_is_written()
    {
        var db = await StoreHost.NewDatabase();
        await Sql.Scalar(db, ProjectedNumbers.Table + "; SELECT 1");
        using var host = await StoreHost.Start(db, s => s.AddInlineProjection<ProjectedNumbers>());
        var streams = host.Streams();
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        await streams.Start<Counter>(first, [new Counted(1)], Desk);

        var onStart = await Assert.ThrowsAsync<PostgresException>(() => streams.Start<Counter>(second, [new Counted(2), new Counted(1)], Desk));
        var onAppend = await Assert.ThrowsAsync<PostgresException>(() =>
            streams.Change<Counter>(first, _ => Decision.Accept(new Counted(1)), Desk));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, onStart.SqlState);
        Assert.Equal(PostgresErrorCodes.UniqueViolation, onAppend.SqlState);
        Assert.Empty(await streams.History(second));
        Assert.Single(await streams.History(first));
        Assert.Equal([1], await Sql.Column<int>(db, "SELECT n FROM projected"));
    }

    [Fact]
    public async Task Events_are_stored_with_actor_correlation_causation_and_their_stable_type_names()
    {
        var db = await StoreHost.NewDatabase();
        using var host = await StoreHost.Start(db, configure: o => o.Events.Register<Greeted>("greeted", 2));
        var streams = host.Streams();
        var id = Guid.NewGuid();

        await streams.Start<Counter>(id, [new Counted(1), new Renamed("drie"), new Greeted("hoi", "balie")], Desk);

        var events = await streams.History(id);
        Assert.Equal([1L, 2L, 3L], events.Select(e => e.StreamVersion));
        Assert.Equal([new Counted(1), new Renamed("drie"), new Greeted("hoi", "balie")], events.Select(e => e.Data));
        Assert.All(events, e => Assert.Equal(("account-1", "corr-1", "cause-1"),
            (e.Metadata.Actor, e.Metadata.CorrelationId, e.Metadata.CausationId)));
        Assert.Equal(3, events.Select(e => e.Metadata.EventId).Distinct().Count());
        // The names in Marten's table are ours, never CLR-derived ones: other code and old rows depend on them.
        Assert.Equal(["counted", "renamed", "greeted.v2"],
            await Sql.Column<string>(db, $"SELECT type FROM mt_events WHERE stream_id = '{id}' ORDER BY version"));
    }

    [Fact]
    public async Task An_unmapped_event_type_is_refused_before_anything_is_written_and_the_guard_names_it()
    {
        var db = await StoreHost.NewDatabase();
        using var host = await StoreHost.Start(db);
        var id = Guid.NewGuid();

        // Marten itself would store it under a CLR-derived name; our write path refuses it.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            host.Streams().Start<Counter>(id, [new Counted(1), new LeftUnmapped("vergeten")], Desk));
        Assert.Contains(nameof(LeftUnmapped), refused.Message);
        Assert.Empty(await host.Streams().History(id));

        // The same mistake found before run time: every service runs this guard over its event types.
        var registry = host.Services.GetRequiredService<EventStoreOptions>().Events;
        Assert.ThrowsAny<Exception>(() =>
            EventTypeGuard.AssertEveryEventTypeIsMapped(typeof(Counted).Assembly, registry, IsTestEvent));
        EventTypeGuard.AssertEveryEventTypeIsMapped(typeof(Counted).Assembly, registry,
            t => IsTestEvent(t) && t != typeof(LeftUnmapped) && t != typeof(Greeted) && t != typeof(GreetedV1));
    }

    [Fact]
    public async Task An_old_version_written_by_older_code_is_read_in_the_current_shape_through_its_upcaster()
    {
        var db = await StoreHost.NewDatabase();
        var id = Guid.NewGuid();
        using (var old = await StoreHost.Start(db, configure: o => o.Events.Register<GreetedV1>("greeted")))
            await old.Streams().Start<Counter>(id, [new GreetedV1("hallo")], Desk);

        using var current = await StoreHost.Start(db, configure: o => o.Events
            .Register<Greeted>("greeted", 2)
            .Upcast("greeted", 1, v1 => new JsonObject { ["greeting"] = v1["text"]!.DeepClone(), ["audience"] = "iedereen" }));

        var read = Assert.Single(await current.Streams().History(id));
        Assert.Equal(new Greeted("hallo", "iedereen"), read.Data);
        Assert.Equal(["greeted"], await Sql.Column<string>(db, "SELECT type FROM mt_events")); // the row is unchanged
    }

    static bool IsTestEvent(Type type) =>
        type.Namespace == typeof(Counted).Namespace && type.IsSealed && type.GetMethod("<Clone>$") is not null
        && type != typeof(Counter) && type != typeof(Instance);
}

using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>
/// A database written by the earlier, own event store starts on Marten with nothing lost and nothing re-published:
/// events keep their ids, names and timestamps, streams their versions, subscriptions their place.
/// </summary>
public sealed class OwnStoreImportTests
{
    // The earlier store's tables, as its schema script created them.
    private const string OldTables = """
        CREATE TABLE ido_events (
            seq bigserial NOT NULL, tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(), stream_id uuid NOT NULL,
            stream_type text NOT NULL, version bigint NOT NULL, type text NOT NULL, type_version int NOT NULL,
            data jsonb NOT NULL, event_id uuid NOT NULL, actor text, correlation_id text, causation_id text,
            created_at timestamptz NOT NULL, PRIMARY KEY (tx_id, seq), UNIQUE (stream_id, version));
        CREATE TABLE ido_subscriptions (
            name text PRIMARY KEY, last_tx xid8 NOT NULL DEFAULT '0', last_seq bigint NOT NULL DEFAULT 0,
            updated_at timestamptz NOT NULL DEFAULT now());
        """;

    private static readonly DateTimeOffset Then = new(2026, 11, 20, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Old_events_move_into_marten_keeping_ids_names_times_and_the_subscriptions_place()
    {
        var db = await StoreHost.NewDatabase();
        await Sql.Scalar(db, OldTables + RecordingSubscription.Table + "; SELECT 1");
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var ids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        // Each statement its own transaction, as the old store's appends were; b's second event was the last one the
        // subscription "recording" had handled.
        await Old(db, a, 1, "counted", 1, """{"number":1}""", ids[0]);
        await Old(db, a, 2, "renamed", 1, """{"name":"oud"}""", ids[1]);
        await Old(db, b, 1, "counted", 1, """{"number":5}""", ids[2]);
        await Old(db, b, 2, "greeted", 1, """{"text":"hallo"}""", ids[3]);
        await Sql.Scalar(db, $"""
            INSERT INTO ido_subscriptions (name, last_tx, last_seq)
            SELECT 'recording', tx_id, seq FROM ido_events WHERE event_id = '{ids[3]}'; SELECT 1
            """);
        await Old(db, a, 3, "counted", 1, """{"number":2}""", ids[4]);

        using (var host = await Start(db))
        {
            var streams = host.Streams();
            var history = await streams.History(a);
            Assert.Equal([ids[0], ids[1], ids[4]], history.Select(e => e.Metadata.EventId));
            Assert.Equal([new Counted(1), new Renamed("oud"), new Counted(2)], history.Select(e => e.Data));
            Assert.All(history, e => Assert.Equal((Then, "desk-1", "corr-1"), (e.Metadata.Timestamp, e.Metadata.Actor, e.Metadata.CorrelationId)));
            Assert.Equal(new Greeted("hallo", "iedereen"), (await streams.History(b))[1].Data); // old version, lifted

            // Versions go on where they were, and only what came after the checkpoint is handled again.
            var changed = await streams.Change<Counter>(a, _ => Decision.Accept(new Counted(10)), AppendContext.System,
                acceptsVersion: v => v == 3);
            Assert.Equal((WriteStatus.Appended, 4L, 13), (changed.Status, changed.Version, changed.State!.Total));
            await Eventually.True(async () => await Sql.Scalar(db, "SELECT count(*) FROM seen") == 2, "the two new events handled");
            Assert.Equal([ids[4].ToString()], await Sql.Column<string>(db, "SELECT event_id::text FROM seen ORDER BY n LIMIT 1"));
        }

        // A second start imports nothing again.
        using (var again = await Start(db))
            Assert.Equal(4, (await again.Streams().History(a)).Count);
        Assert.Equal(0, await Sql.Scalar(db, "SELECT count(*) FROM pg_tables WHERE tablename = 'ido_events'"));
        Assert.Equal(5, await Sql.Scalar(db, "SELECT count(*) FROM ido_events_imported"));
    }

    private static Task<IHost> Start(string db) => StoreHost.Start(db, s =>
    {
        s.AddSingleton(new Instance("importer", new HandOuts()));
        s.AddSubscription<RecordingSubscription>();
    }, o => o.Events.Register<Greeted>("greeted", 2).Upcast("greeted", 1,
        v1 => new JsonObject { ["greeting"] = v1["text"]!.GetValue<string>(), ["audience"] = "iedereen" }));

    private static Task<long> Old(string db, Guid stream, int version, string type, int typeVersion, string json, Guid eventId) =>
        Sql.Scalar(db, $"""
            INSERT INTO ido_events (stream_id, stream_type, version, type, type_version, data, event_id, actor, correlation_id, created_at)
            VALUES ('{stream}', 'counter', {version}, '{type}', {typeVersion}, '{json}', '{eventId}', 'desk-1', 'corr-1', '{Then:O}');
            SELECT 1
            """);
}

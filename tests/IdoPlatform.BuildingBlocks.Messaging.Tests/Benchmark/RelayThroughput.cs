using System.Diagnostics;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using IdoPlatform.Testing.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Benchmark;

/// <summary>
/// Relay throughput: a backlog of <c>count</c> events is appended first, then the box office starts and
/// its relay publishes them with publisher confirms into a declared consumer queue. The clock runs from
/// the first checkpoint move (bus connected, first batch confirmed) to the last; the distinct message ids in the
/// queue prove nothing was dropped. The relay is at least once (a page that timed out under load is published
/// again), so the queue may hold repeats; consumers drop them by message id. For the benchmark program: a small warm-up run (JIT), then
/// <c>(await RelayThroughput.Measure(20_000, streamLength: 4)).EventsPerSecond</c>.
/// </summary>
public static class RelayThroughput
{
    public sealed record Result(int Events, int Timed, TimeSpan Elapsed, int Queued, int Distinct, int BatchSize, int? Concurrency)
    {
        public double EventsPerSecond => Timed / Elapsed.TotalSeconds;
    }

    /// <param name="streamLength">Events per stream. The relay publishes a stream's events one after another (each
    /// confirmed before the next) and different streams concurrently, so long streams are its slowest shape.</param>
    public static async Task<Result> Measure(int count, int streamLength = 100, int batchSize = 500, int? relayConcurrency = null,
        Uri? broker = null)
    {
        var database = await RealServers.NewDatabaseAsync("relaybench");
        broker ??= await RealServers.NewVirtualHostAsync("relaybench");
        var last = await AppendBacklog(database, count, streamLength);

        using var boxOffice = await TestServices.StartBoxOffice(database, broker, relayConcurrency: relayConcurrency);
        long started;
        while ((started = await TestServices.RelayPosition(boxOffice)) == 0) await Task.Delay(5);
        var clock = Stopwatch.StartNew();
        while (await TestServices.RelayPosition(boxOffice) != last) await Task.Delay(5);
        clock.Stop();
        await boxOffice.StopAsync();

        // Events after the first page, in the global sequence the daemon follows.
        var timed = (int)await Sql.Scalar(database, $"SELECT count(*) FROM mt_events WHERE seq_id > {started}");
        var ids = await MessageIdsIn(broker, TestTopology.AuditTickets.QueueName);
        return new Result(count, timed, clock.Elapsed, ids.Count, ids.Distinct().Count(), batchSize, relayConcurrency);
    }

    /// <summary>Appends <paramref name="count"/> events (streams of <paramref name="streamLength"/>, 8 writers) with the
    /// daemon off; returns the sequence of the last one in global order.</summary>
    static async Task<long> AppendBacklog(string database, int count, int streamLength)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ForTests();
        builder.Services.AddEventStore(o =>
        {
            o.ConnectionString = database;
            o.Events.Register<Sold>("sold").Register<NoteTaken>("note-taken");
            o.Aggregate<Show>("show", s => s.Id, Show.Evolve);
            o.RunDaemon = false;
        });
        using var writer = builder.Build();
        await writer.StartAsync(); // applies Marten's schema
        var eventStreams = writer.Services.GetRequiredService<EventStreams>();
        var streams = Enumerable.Range(0, (count + streamLength - 1) / streamLength).ToList();
        await Parallel.ForEachAsync(streams, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, ct) =>
        {
            var size = Math.Min(streamLength, count - s * streamLength);
            await eventStreams.Start<Show>(Guid.NewGuid(),
                [.. Enumerable.Range(s * streamLength, size).Select(n => (object)new Sold(n))], AppendContext.System, ct);
        });
        await writer.StopAsync();
        return await Sql.Scalar(database, "SELECT max(seq_id) FROM mt_events");
    }

    /// <summary>Takes every message off the queue; its message ids (the events' ids), repeats included.</summary>
    static async Task<List<string>> MessageIdsIn(Uri broker, string queue)
    {
        var factory = RabbitMqAddress.Parse(broker.ToString()).CreateConnectionFactory(TimeSpan.FromSeconds(10));
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var ids = new List<string>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            ids.Add(message.BasicProperties.MessageId ?? "");
        return ids;
    }
}

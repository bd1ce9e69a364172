using System.Diagnostics;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Monitoring.Storage;
using Npgsql;

namespace IdoPlatform.Monitoring.Benchmarks;

/// <summary>
/// The live projection's pace on top of a million visits: new messages are appended to the log, then
/// handed to the subscription in the daemon's page size (500), each page in its own transaction as the daemon does.
/// </summary>
public static class LiveProjection
{
    public static async Task<double> EventsPerSecond(NpgsqlDataSource dataSource, EventStoreOptions options, EventStreams streams,
        AggregatesSubscription subscription, int visits)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var position = await EventLogReader.SafeCeiling(connection, null, CancellationToken.None);
        await SyntheticLog.Write(streams, visits, seed: 2);

        var events = 0;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var read = await EventLogReader.ReadAfter(connection, tx, position, 500, options.Events, CancellationToken.None);
            if (read.Count == 0) break;
            var batch = read.Select(e => new StoredEvent(e.Sequence, Guid.Empty, 1, "", e.Data,
                new EventMetadata(Guid.Empty, DateTimeOffset.UtcNow, "bus", null, null))).ToList();
            await subscription.Handle(batch, connection, tx, CancellationToken.None);
            await tx.CommitAsync();
            events += batch.Count;
            position = batch[^1].Sequence;
        }
        return events / clock.Elapsed.TotalSeconds;
    }
}

using System.Diagnostics;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Monitoring.Projections;
using Npgsql;

namespace IdoPlatform.Monitoring.Benchmarks;

/// <summary>
/// The live projection's pace on top of a million visits: new messages are appended to the log, then
/// handed to the subscription in the daemon's batch size, each batch in its own transaction as the daemon does.
/// </summary>
public static class LiveProjection
{
    public static async Task<double> EventsPerSecond(NpgsqlDataSource dataSource, EventStoreOptions options,
        AggregatesSubscription subscription, int visits)
    {
        Checkpoint start;
        await using (var last = dataSource.CreateCommand("SELECT tx_id, seq FROM ido_events ORDER BY tx_id DESC, seq DESC LIMIT 1"))
        await using (var reader = await last.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            start = new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
        }
        await SyntheticLog.Write(dataSource, options.Events, visits, seed: 2);

        await using var connection = await dataSource.OpenConnectionAsync();
        var position = start;
        var events = 0;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var batch = await GlobalOrderReader.ReadAfter(connection, tx, position, options.BatchSize, options.Events, CancellationToken.None);
            if (batch.Count == 0) break;
            await subscription.Handle(batch, connection, tx, CancellationToken.None);
            await tx.CommitAsync();
            events += batch.Count;
            position = new Checkpoint(batch[^1].TransactionId, batch[^1].Sequence);
        }
        return events / clock.Elapsed.TotalSeconds;
    }
}

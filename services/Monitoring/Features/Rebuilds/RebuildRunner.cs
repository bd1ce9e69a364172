using System.Diagnostics;
using System.Threading.Channels;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Monitoring.Storage.ReadModel;
using Npgsql;

namespace IdoPlatform.Monitoring.Features.Rebuilds;

/// <summary>
/// Rebuilds the aggregate tables from the log into a new table version while the serving version keeps
/// answering (and the live projection keeps filling it), then swaps the pointer in one transaction.
/// </summary>
/// <remarks>
/// 1. Fold the whole log in memory (the same fold as the live projection) and bulk-load it with COPY.
/// 2. Catch up on what arrived meanwhile, batch by batch, through the live projection's code.
/// 3. Lock the pointer row (the live projection waits), catch up to the end of the commit-safe log, swap.
/// The live projection then goes on from its own checkpoint; anything it applies twice changes nothing,
/// because every fold is idempotent.
/// One rebuild at a time across all replicas (advisory lock held for its duration).
/// </remarks>
public sealed class RebuildRunner(
    NpgsqlDataSource dataSource,
    ReadModelSchema schema,
    EventStoreOptions options,
    IHostApplicationLifetime lifetime,
    ILogger<RebuildRunner> logger)
{
    private const long RebuildLockKey = 0x4D_4F4E_5242; // "MONRB"
    private const int CatchUpChunk = 2_000;

    /// <summary>Starts a rebuild in the background; null when one is already running somewhere.</summary>
    public async Task<Rebuild?> TryStart(string? requestedBy, CancellationToken ct)
    {
        var started = await Begin(requestedBy, ct);
        if (started is null) return null;
        var (connection, rebuild) = started.Value;
        _ = Task.Run(() => Execute(connection, rebuild, lifetime.ApplicationStopping), CancellationToken.None);
        return rebuild;
    }

    /// <summary>Runs a rebuild to its end on the caller's time (benchmarks, tools); null when one is already running.</summary>
    public async Task<Rebuild?> Run(string? requestedBy, CancellationToken ct)
    {
        var started = await Begin(requestedBy, ct);
        if (started is null) return null;
        var (connection, rebuild) = started.Value;
        await Execute(connection, rebuild, ct);
        return await Find(rebuild.Id, ct);
    }

    public async Task<Rebuild?> Find(Guid id, CancellationToken ct)
    {
        await schema.EnsureCreated();
        await using var command = dataSource.CreateCommand("""
            SELECT id, version, status, events, started_at, finished_at, events_per_second, error
            FROM mon_rebuilds WHERE id = $1
            """);
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new Rebuild(reader.GetGuid(0), reader.GetInt32(1), Enum.Parse<RebuildStatus>(reader.GetString(2), true),
            reader.GetInt64(3), reader.GetFieldValue<DateTimeOffset>(4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<DateTimeOffset>(5),
            reader.IsDBNull(6) ? null : reader.GetDouble(6), reader.IsDBNull(7) ? null : reader.GetString(7));
    }

    private async Task<(NpgsqlConnection, Rebuild)?> Begin(string? requestedBy, CancellationToken ct)
    {
        await schema.EnsureCreated();
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            if (!await TryLock(connection, ct))
            {
                await connection.DisposeAsync();
                return null;
            }

            var current = await ReadModelSchema.Current(connection, null, forShare: false, ct);
            // Whatever a crashed rebuild left behind goes; the serving version stays.
            await ReadModelSchema.Execute(connection, null,
                "UPDATE mon_rebuilds SET status = 'abandoned', finished_at = now() WHERE status = 'running'", ct);
            foreach (var stale in await OtherVersions(connection, current.Version, ct))
                await ReadModelSchema.Execute(connection, null, new ReadModelTables(stale).DropSql(), ct);

            var version = current.Version + 1;
            var rebuild = new Rebuild(Guid.CreateVersion7(), version, RebuildStatus.Running, 0, DateTimeOffset.UtcNow,
                null, null, null);
            await using (var insert = new NpgsqlCommand(
                "INSERT INTO mon_rebuilds (id, version, status, requested_by) VALUES ($1, $2, 'running', $3)", connection))
            {
                insert.Parameters.AddWithValue(rebuild.Id);
                insert.Parameters.AddWithValue(version);
                insert.Parameters.AddWithValue((object?)requestedBy ?? DBNull.Value);
                await insert.ExecuteNonQueryAsync(ct);
            }
            return (connection, rebuild);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The lock, or false when another rebuild holds it. A rebuild that has just reported itself
    /// finished may hold it a moment longer: then wait for it rather than answer "already running".</summary>
    private static async Task<bool> TryLock(NpgsqlConnection connection, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using (var tryLock = new NpgsqlCommand($"SELECT pg_try_advisory_lock({RebuildLockKey})", connection))
                if ((bool)(await tryLock.ExecuteScalarAsync(ct))!) return true;
            await using var running = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM mon_rebuilds WHERE status = 'running')", connection);
            if ((bool)(await running.ExecuteScalarAsync(ct))! || attempt == 20) return false;
            await Task.Delay(50, ct);
        }
    }

    private async Task Execute(NpgsqlConnection connection, Rebuild rebuild, CancellationToken ct)
    {
        var tables = new ReadModelTables(rebuild.Version);
        var clock = Stopwatch.StartNew();
        long events = 0;
        try
        {
            await ReadModelSchema.Execute(connection, null, tables.CreateTablesSql(), ct);

            // Reading, parsing (in parallel) and folding (in log order) overlap; batches pass through a short queue.
            var state = new AggregateState();
            var position = 0L;
            var batches = Channel.CreateBounded<Task<LogBatch>>(new BoundedChannelOptions(16) { SingleReader = true, SingleWriter = true });
            var reading = Task.Run(() => new LogStream(options.Events).Produce(connection, position, batches.Writer, ct), ct);
            await foreach (var parsing in batches.Reader.ReadAllAsync(ct))
            {
                var batch = await parsing;
                foreach (var message in batch.Messages) state.Apply(message);
                var before = events;
                events += batch.Messages.Length;
                position = batch.Last;
                if (events / 200_000 != before / 200_000) _ = ProgressQuietly(dataSource, rebuild.Id, events);
            }
            await reading;
            await Progress(dataSource, rebuild.Id, events, ct);
            var folded = clock.Elapsed;

            await BulkLoader.Load(state, tables, dataSource, ct);
            var loaded = clock.Elapsed;
            state = null;
            await ReadModelSchema.Execute(connection, null, string.Join("\n", tables.All.Select(t => $"ANALYZE {t};")), ct);
            logger.LogInformation("Rebuild {Id}: read and folded {Events} events in {Folded}, loaded and indexed in {Loaded}, analysed in {Analysed}",
                rebuild.Id, events, folded, loaded - folded, clock.Elapsed - loaded);

            // Catch up outside the lock until little is left, so the swap holds the live projection up only briefly.
            int handled;
            do
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                (handled, position) = await CatchUp(connection, tx, tables, position, ct);
                await tx.CommitAsync(ct);
                events += handled;
            } while (handled == CatchUpChunk);

            await using (var swap = await connection.BeginTransactionAsync(ct))
            {
                await ReadModelSchema.Execute(connection, swap, "SELECT 1 FROM mon_read_model WHERE id = 1 FOR UPDATE", ct);
                do
                {
                    (handled, position) = await CatchUp(connection, swap, tables, position, ct);
                    events += handled;
                } while (handled > 0);
                await using (var point = new NpgsqlCommand(
                    "UPDATE mon_read_model SET version = $1, swapped_at = now() WHERE id = 1", connection, swap))
                {
                    point.Parameters.AddWithValue(rebuild.Version);
                    await point.ExecuteNonQueryAsync(ct);
                }
                await Finish(connection, swap, rebuild.Id, "completed", events, clock.Elapsed, null, ct);
                await swap.CommitAsync(ct);
            }
            logger.LogInformation("Rebuild {Id} swapped in version {Version}: {Events} events in {Elapsed}",
                rebuild.Id, rebuild.Version, events, clock.Elapsed);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Rebuild {Id} failed; the serving tables are untouched", rebuild.Id);
            try
            {
                await ReadModelSchema.Execute(connection, null, tables.DropSql(), CancellationToken.None);
                await Finish(connection, null, rebuild.Id, "failed", events, clock.Elapsed, e.Message, CancellationToken.None);
            }
            catch (Exception cleanup)
            {
                logger.LogWarning(cleanup, "Could not record the failure of rebuild {Id}", rebuild.Id);
            }
        }
        finally
        {
            // A pooled connection keeps its session (and session locks) when returned: unlock explicitly.
            try
            {
                await ReadModelSchema.Execute(connection, null, $"SELECT pg_advisory_unlock({RebuildLockKey})", CancellationToken.None);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                logger.LogWarning(e, "Could not release the rebuild lock; the broken session releases it as it ends");
            }
            await connection.DisposeAsync();
        }
    }

    private async Task<(int Handled, long Position)> CatchUp(NpgsqlConnection connection, NpgsqlTransaction tx,
        ReadModelTables tables, long position, CancellationToken ct)
    {
        var chunk = await EventLogReader.ReadAfter(connection, tx, position, CatchUpChunk, options.Events, ct);
        if (chunk.Count == 0) return (0, position);
        await LiveProjector.Apply(tables, chunk.Select(e => e.Data).ToList(), connection, tx, ct);
        return (chunk.Count, chunk[^1].Sequence);
    }

    /// <summary>Progress for the freshness report while the fold goes on; a missed update is harmless.</summary>
    private async Task ProgressQuietly(NpgsqlDataSource dataSource, Guid id, long events)
    {
        try
        {
            await Progress(dataSource, id, events, CancellationToken.None);
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            logger.LogDebug(e, "Progress of rebuild {Id} not recorded", id);
        }
    }

    private static async Task Progress(NpgsqlDataSource dataSource, Guid id, long events, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("UPDATE mon_rebuilds SET events = $2 WHERE id = $1");
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(events);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task Finish(NpgsqlConnection connection, NpgsqlTransaction? tx, Guid id, string status,
        long events, TimeSpan elapsed, string? error, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            UPDATE mon_rebuilds SET status = $2, events = $3, finished_at = now(), events_per_second = $4, error = $5
            WHERE id = $1
            """, connection, tx);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(status);
        command.Parameters.AddWithValue(events);
        command.Parameters.AddWithValue(elapsed.TotalSeconds > 0 ? events / elapsed.TotalSeconds : 0d);
        command.Parameters.AddWithValue((object?)error ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<List<int>> OtherVersions(NpgsqlConnection connection, int current, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT DISTINCT substring(tablename from '^mon_v([0-9]+)_')::int FROM pg_tables
            WHERE schemaname = current_schema() AND tablename ~ '^mon_v[0-9]+_'
            """, connection);
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (reader.GetInt32(0) != current) versions.Add(reader.GetInt32(0));
        return versions;
    }
}

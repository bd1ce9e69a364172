using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// Runs one subscription HotCold: whoever holds its advisory lock runs it, the others keep trying.
/// The lock lives on the same connection that does the work, so if that connection dies the lock is
/// gone too and another instance takes over. Effects and checkpoint commit in one transaction, and the
/// checkpoint moves only from the value read, so even two runners could not both apply a batch.
/// The connection is not pooled: when the runner stops, its session ends and releases the lock.
/// </summary>
internal sealed class SubscriptionRunner(
    ISubscription subscription,
    NpgsqlDataSource unpooled,
    EventStoreSchema schema,
    EventStoreOptions options,
    ILogger logger)
{
    private readonly long _lockKey = LockKey(subscription.Name);

    public async Task Run(CancellationToken ct)
    {
        await schema.EnsureCreated();
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await unpooled.OpenConnectionAsync(ct);
                if (await TryLock(connection, ct))
                {
                    logger.LogInformation("Subscription {Name} is active here", subscription.Name);
                    await RunWhileHolding(connection, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Subscription {Name} stopped; retrying", subscription.Name);
            }
            await Delay(options.TakeoverInterval, ct);
        }
    }

    private async Task RunWhileHolding(NpgsqlConnection connection, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "INSERT INTO ido_subscriptions (name) VALUES (@name) ON CONFLICT (name) DO NOTHING", connection))
        {
            create.Parameters.AddWithValue("name", subscription.Name);
            await create.ExecuteNonQueryAsync(ct);
        }
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await RunOnce(connection, ct);
                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException && connection.State == System.Data.ConnectionState.Open)
            {
                // The handler failed (e.g. broker down): the checkpoint stayed; back off and try the same batch again.
                failures++;
                logger.LogWarning(e, "Subscription {Name} batch failed ({Failures})", subscription.Name, failures);
                await Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 100 * Math.Pow(2, failures))), ct);
                continue;
            }
            if (handled < options.BatchSize) await Delay(options.PollInterval, ct);
        }
    }

    /// <summary>Handles one batch; returns how many events it held.</summary>
    internal async Task<int> RunOnce(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var checkpoint = await ReadCheckpoint(connection, tx, ct);
        var batch = await GlobalOrderReader.ReadAfter(connection, tx, checkpoint, options.BatchSize, options.Events, ct);
        if (batch.Count == 0)
        {
            await tx.RollbackAsync(ct);
            return 0;
        }

        await subscription.Handle(batch, connection, tx, ct);
        var last = batch[^1];
        await using var move = new NpgsqlCommand("""
            UPDATE ido_subscriptions SET last_tx = @new_tx, last_seq = @new_seq, updated_at = now()
            WHERE name = @name AND last_tx = @old_tx AND last_seq = @old_seq
            """, connection, tx);
        move.Parameters.AddWithValue("name", subscription.Name);
        move.Parameters.Add(new NpgsqlParameter("new_tx", NpgsqlTypes.NpgsqlDbType.Xid8) { Value = last.TransactionId });
        move.Parameters.AddWithValue("new_seq", last.Sequence);
        move.Parameters.Add(new NpgsqlParameter("old_tx", NpgsqlTypes.NpgsqlDbType.Xid8) { Value = checkpoint.TransactionId });
        move.Parameters.AddWithValue("old_seq", checkpoint.Sequence);
        if (await move.ExecuteNonQueryAsync(ct) != 1)
            throw new InvalidOperationException($"Checkpoint of {subscription.Name} moved under us; batch discarded.");
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    private async Task<Checkpoint> ReadCheckpoint(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("""
            SELECT last_tx, last_seq FROM ido_subscriptions WHERE name = @name;
            """, connection, tx);
        command.Parameters.AddWithValue("name", subscription.Name);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Checkpoint(reader.GetFieldValue<ulong>(0), reader.GetInt64(1));
    }

    private async Task<bool> TryLock(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", _lockKey);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    internal static long LockKey(string name) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("ido-subscription:" + name)));

    private static async Task Delay(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, ct); }
        catch (OperationCanceledException) { }
    }
}

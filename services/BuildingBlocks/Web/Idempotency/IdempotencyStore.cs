using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using IdoPlatform.BuildingBlocks.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Remembers the answer to a POST by (account, route, Idempotency-Key) in the service's own
/// PostgreSQL, so a retried request gets the first answer again instead of a second effect.
///
/// Two identical retries at the same moment: both take a session advisory lock on the scope, so the
/// second waits until the first has run its handler and stored its answer, then replays it. If the
/// first one dies, its connection closes, the lock goes with it, nothing was stored, and the second
/// runs the handler itself. The primary key on the scope is the last guard (insert-if-absent).
/// Only successful (2xx) answers are stored: an error stored nothing, so running again is safe.
///
/// Note: the lock holds one pooled connection while the handler (which uses another) runs. A service that uses it
/// declares its table with its own: <c>o.Tables(IdempotencyStore.DeclaredTable())</c>.</summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource, IOptions<IdempotencyOptions> options)
{
    private int _storedSinceCleanup;

    /// <summary>Test hook: called once when a request starts waiting for an identical one in progress.</summary>
    internal Action<IdempotencyScope>? WaitingForInProgress { get; set; }

    public async Task<IdempotencyResult> RunOnceAsync(IdempotencyScope scope, string requestHash,
        Func<CancellationToken, Task<StoredResponse>> handle, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var lockKey = LockKey(scope);
        if (!await AcquireAsync(connection, scope, lockKey, cancellationToken))
            throw new IdempotencyKeyBusyException();
        try
        {
            if (await FindAsync(connection, scope, cancellationToken) is { } stored)
                return stored.RequestHash == requestHash
                    ? new IdempotencyResult(IdempotencyOutcome.Replayed, stored.Response)
                    : new IdempotencyResult(IdempotencyOutcome.KeyReused, null);

            var response = await handle(cancellationToken);
            if (response.StatusCode is >= 200 and < 300)
                await StoreAsync(connection, scope, requestHash, response, cancellationToken);
            return new IdempotencyResult(IdempotencyOutcome.Executed, response);
        }
        finally
        {
            await ReleaseAsync(connection, lockKey);
        }
    }

    private async Task<bool> AcquireAsync(NpgsqlConnection connection, IdempotencyScope scope, long lockKey, CancellationToken cancellationToken)
    {
        // Polling with try-lock keeps the wait bounded without touching the session's lock_timeout.
        var deadline = DateTime.UtcNow + options.Value.WaitForInProgress;
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection) { Parameters = { new() { Value = lockKey } } };
        for (var attempt = 0; ; attempt++)
        {
            if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return true;
            if (attempt == 0) WaitingForInProgress?.Invoke(scope);
            if (DateTime.UtcNow >= deadline) return false;
            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }
    }

    private static async Task ReleaseAsync(NpgsqlConnection connection, long lockKey)
    {
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection) { Parameters = { new() { Value = lockKey } } };
            await command.ExecuteScalarAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is broken: the session, and so the lock, is gone anyway.
        }
    }

    private sealed record Found(string RequestHash, StoredResponse Response);

    private async Task<Found?> FindAsync(NpgsqlConnection connection, IdempotencyScope scope, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT request_hash, status_code, location, etag, content_type, body
            FROM idempotency_keys
            WHERE account = $1 AND route = $2 AND key = $3 AND created_at > now() - $4
            """, connection);
        command.Parameters.Add(new() { Value = scope.Account });
        command.Parameters.Add(new() { Value = scope.Route });
        command.Parameters.Add(new() { Value = scope.Key });
        command.Parameters.Add(new() { Value = options.Value.Retention });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new Found(reader.GetString(0), new StoredResponse(
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            (byte[])reader[5]));
    }

    private async Task StoreAsync(NpgsqlConnection connection, IdempotencyScope scope, string requestHash,
        StoredResponse response, CancellationToken cancellationToken)
    {
        // An expired row for the same scope is replaced; a live one (impossible under the lock) wins.
        await using var command = new NpgsqlCommand("""
            INSERT INTO idempotency_keys (account, route, key, request_hash, status_code, location, etag, content_type, body)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (account, route, key) DO UPDATE SET
                request_hash = EXCLUDED.request_hash, status_code = EXCLUDED.status_code, location = EXCLUDED.location,
                etag = EXCLUDED.etag, content_type = EXCLUDED.content_type, body = EXCLUDED.body, created_at = now()
            WHERE idempotency_keys.created_at <= now() - $10
            """, connection);
        command.Parameters.Add(new() { Value = scope.Account });
        command.Parameters.Add(new() { Value = scope.Route });
        command.Parameters.Add(new() { Value = scope.Key });
        command.Parameters.Add(new() { Value = requestHash });
        command.Parameters.Add(new() { Value = response.StatusCode });
        command.Parameters.Add(new() { Value = (object?)response.Location ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)response.ETag ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)response.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = response.Body });
        command.Parameters.Add(new() { Value = options.Value.Retention });
        await command.ExecuteNonQueryAsync(cancellationToken);

        if (Interlocked.Increment(ref _storedSinceCleanup) % 1000 == 0)
            await CleanupAsync(connection, cancellationToken);
    }

    /// <summary>Forgets the stored answers whose Location is <paramref name="location"/>: for an erasure, so no retry
    /// replays what was erased. The endpoint must then answer a retry from the resource itself (as a deterministic
    /// id from the key lets it).</summary>
    public async Task ForgetAnswersAbout(string location, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE location = $1");
        command.Parameters.Add(new() { Value = location });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task CleanupAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("DELETE FROM idempotency_keys WHERE created_at <= now() - $1", connection);
        command.Parameters.Add(new() { Value = options.Value.Retention });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The table of stored answers, for the service's schema step (Marten applies it with its own at start-up).</summary>
    public static Table DeclaredTable()
    {
        var table = ServiceTables.Named("idempotency_keys");
        table.AddColumn("account", "text").AsPrimaryKey();
        table.AddColumn("route", "text").AsPrimaryKey();
        table.AddColumn("key", "text").AsPrimaryKey();
        table.AddColumn("request_hash", "text").NotNull();
        table.AddColumn("status_code", "integer").NotNull();
        table.AddColumn("location", "text");
        table.AddColumn("etag", "text");
        table.AddColumn("content_type", "text");
        table.AddColumn("body", "bytea").NotNull();
        table.AddColumn("created_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        return table;
    }

    private static long LockKey(IdempotencyScope scope)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"idempotency\n{scope.Account}\n{scope.Route}\n{scope.Key}"));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}

/// <summary>An identical request is still being handled after the wait: the client should retry later.</summary>
public sealed class IdempotencyKeyBusyException() : Exception("A request with this Idempotency-Key is still in progress.");

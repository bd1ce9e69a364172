using IdoPlatform.BuildingBlocks.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;
using Weasel.Postgresql.Tables;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Remembers the answer to a POST by (account, route, Idempotency-Key) in the service's own
/// PostgreSQL, so a retried request gets the first answer again instead of a second effect.
///
/// A request first claims its scope: a row marked in progress (status 0), inserted only if none is there. The
/// handler then runs holding no connection of ours (a burst of requests must not take the pool the handlers need),
/// and its answer replaces the claim; an error answer or an exception removes the claim, so running again is safe.
/// An identical request that meets the claim polls until the answer is there (and replays it) or the claim is gone
/// (and claims itself); a different request under the same key is refused at once. A claim whose process died is
/// taken over once it is older than <see cref="IdempotencyOptions.InProgressLease"/>.
///
/// A service that uses it declares its table with its own: <c>o.Tables(IdempotencyStore.DeclaredTable())</c>.</summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource, IOptions<IdempotencyOptions> options)
{
    private const int InProgress = 0;
    private int _storedSinceCleanup;

    /// <summary>Test hook: called once when a request starts waiting for an identical one in progress.</summary>
    internal Action<IdempotencyScope>? WaitingForInProgress { get; set; }

    public async Task<IdempotencyResult> RunOnceAsync(IdempotencyScope scope, string requestHash,
        Func<CancellationToken, Task<StoredResponse>> handle, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + options.Value.WaitForInProgress;
        for (var attempt = 0; ; attempt++)
        {
            var (claimedAt, found) = await ClaimOrFindAsync(scope, requestHash, cancellationToken);
            if (claimedAt is { } claimed)
                return new IdempotencyResult(IdempotencyOutcome.Executed, await RunClaimedAsync(scope, claimed, handle, cancellationToken));

            // Someone holds the scope: a stored answer, or a request still in progress.
            if (found is not null)
            {
                if (found.RequestHash != requestHash) return new IdempotencyResult(IdempotencyOutcome.KeyReused, null);
                if (found.Response.StatusCode != InProgress) return new IdempotencyResult(IdempotencyOutcome.Replayed, found.Response);
            }
            if (attempt == 0) WaitingForInProgress?.Invoke(scope);
            if (DateTime.UtcNow >= deadline) throw new IdempotencyKeyBusyException();
            await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
        }
    }

    private async Task<StoredResponse> RunClaimedAsync(IdempotencyScope scope, DateTime claimedAt,
        Func<CancellationToken, Task<StoredResponse>> handle, CancellationToken cancellationToken)
    {
        StoredResponse response;
        try
        {
            response = await handle(cancellationToken);
        }
        catch
        {
            await ReleaseAsync(scope, claimedAt);
            throw;
        }
        if (response.StatusCode is >= 200 and < 300) await StoreAsync(scope, claimedAt, response);
        else await ReleaseAsync(scope, claimedAt);
        return response;
    }

    private sealed record Found(string RequestHash, StoredResponse Response);

    /// <summary>In one statement: inserts the in-progress row, or takes over an expired answer or an abandoned claim
    /// (the claim's time identifies it afterwards); otherwise returns the row that holds the scope. Neither when that
    /// row was committed after the statement began (it is seen on the next poll).</summary>
    private async Task<(DateTime? ClaimedAt, Found? Found)> ClaimOrFindAsync(IdempotencyScope scope, string requestHash,
        CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            WITH claim AS (
                INSERT INTO idempotency_keys AS k (account, route, key, request_hash, status_code, body)
                VALUES ($1, $2, $3, $4, 0, '')
                ON CONFLICT (account, route, key) DO UPDATE SET
                    request_hash = EXCLUDED.request_hash, status_code = 0, location = NULL, etag = NULL,
                    content_type = NULL, body = '', created_at = clock_timestamp()
                WHERE k.created_at <= now() - $5 OR (k.status_code = 0 AND k.created_at <= now() - $6)
                RETURNING created_at)
            SELECT true, created_at, NULL, NULL, NULL, NULL, NULL, NULL FROM claim
            UNION ALL
            SELECT false, created_at, request_hash, status_code, location, etag, content_type, body
            FROM idempotency_keys
            WHERE account = $1 AND route = $2 AND key = $3 AND created_at > now() - $5 AND NOT EXISTS (SELECT FROM claim)
            """);
        command.Parameters.Add(new() { Value = scope.Account });
        command.Parameters.Add(new() { Value = scope.Route });
        command.Parameters.Add(new() { Value = scope.Key });
        command.Parameters.Add(new() { Value = requestHash });
        command.Parameters.Add(new() { Value = options.Value.Retention });
        command.Parameters.Add(new() { Value = options.Value.InProgressLease });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return (null, null);
        if (reader.GetBoolean(0)) return (reader.GetDateTime(1), null);
        return (null, new Found(reader.GetString(2), new StoredResponse(
            reader.GetInt32(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            (byte[])reader[7])));
    }

    /// <summary>Removes our claim (not one that took it over): nothing was stored, so a retry runs the handler.</summary>
    private async Task ReleaseAsync(IdempotencyScope scope, DateTime claimedAt)
    {
        try
        {
            await using var command = dataSource.CreateCommand(
                "DELETE FROM idempotency_keys WHERE account = $1 AND route = $2 AND key = $3 AND status_code = 0 AND created_at = $4");
            AddScope(command, scope, claimedAt);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The database is away: the claim stays until its lease ends, and a retry meanwhile hears 409.
        }
    }

    /// <summary>Replaces our claim with the answer. It is stored even if the client has gone: the effect happened.</summary>
    private async Task StoreAsync(IdempotencyScope scope, DateTime claimedAt, StoredResponse response)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE idempotency_keys SET status_code = $5, location = $6, etag = $7, content_type = $8, body = $9, created_at = now()
            WHERE account = $1 AND route = $2 AND key = $3 AND status_code = 0 AND created_at = $4
            """);
        AddScope(command, scope, claimedAt);
        command.Parameters.Add(new() { Value = response.StatusCode });
        command.Parameters.Add(new() { Value = (object?)response.Location ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)response.ETag ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = (object?)response.ContentType ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new() { Value = response.Body });
        await command.ExecuteNonQueryAsync(CancellationToken.None);

        if (Interlocked.Increment(ref _storedSinceCleanup) % 1000 == 0)
            await CleanupAsync(CancellationToken.None);
    }

    private static void AddScope(NpgsqlCommand command, IdempotencyScope scope, DateTime claimedAt)
    {
        command.Parameters.Add(new() { Value = scope.Account });
        command.Parameters.Add(new() { Value = scope.Route });
        command.Parameters.Add(new() { Value = scope.Key });
        command.Parameters.Add(new() { Value = claimedAt });
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

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM idempotency_keys WHERE created_at <= now() - $1");
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
}

/// <summary>An identical request is still being handled after the wait: the client should retry later.</summary>
public sealed class IdempotencyKeyBusyException() : Exception("A request with this Idempotency-Key is still in progress.");

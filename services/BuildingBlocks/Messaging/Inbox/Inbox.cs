using System.Collections.Concurrent;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Messaging.Inbox;

/// <summary>
/// Idempotent consumers: a handled-message record keyed by (consumer, message id), written in the same
/// transaction as the consumer's effect. A redelivered message finds its record and has no second
/// effect; an effect that fails rolls the record back with it, so the retry runs it again.
/// <code>
/// await using var inbox = await Inbox.Begin(dataSource, "monitoring-visits", context.MessageId, ct);
/// if (inbox is null) return;             // handled before
/// ... effect through inbox.Connection / inbox.Transaction ...
/// await inbox.Commit(ct);
/// </code>
/// </summary>
public static class Inbox
{
    public const string Table = "ido_inbox";

    static readonly ConcurrentDictionary<NpgsqlDataSource, Lazy<Task>> Schemas = new();

    /// <summary>Opens a transaction holding the message's record, or returns null when
    /// <paramref name="consumer"/> already handled <paramref name="messageId"/>. A concurrent delivery of
    /// the same message waits here until the first one commits (then null) or rolls back (then it runs).</summary>
    public static async Task<InboxTransaction?> Begin(NpgsqlDataSource dataSource, string consumer, Guid? messageId,
        CancellationToken ct = default)
    {
        if (messageId is not { } id || id == Guid.Empty)
            throw new InvalidOperationException($"{consumer} received a message without a message id; it cannot be made idempotent.");
        await EnsureSchema(dataSource);

        var connection = await dataSource.OpenConnectionAsync(ct);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(ct);
            await using var record = new NpgsqlCommand($"""
                INSERT INTO {Table} (consumer, message_id) VALUES (@consumer, @id)
                ON CONFLICT (consumer, message_id) DO NOTHING
                """, connection, transaction);
            record.Parameters.AddWithValue("consumer", consumer);
            record.Parameters.AddWithValue("id", id);
            if (await record.ExecuteNonQueryAsync(ct) == 1)
                return new InboxTransaction(connection, transaction);

            await transaction.DisposeAsync();
            await connection.DisposeAsync();
            return null;
        }
        catch
        {
            if (transaction is not null) await transaction.DisposeAsync();
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Whether <paramref name="consumer"/> has handled <paramref name="messageId"/> (for tests and tools).</summary>
    public static async Task<bool> WasHandled(NpgsqlDataSource dataSource, string consumer, Guid messageId,
        CancellationToken ct = default)
    {
        await EnsureSchema(dataSource);
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {Table} WHERE consumer = $1 AND message_id = $2)");
        command.Parameters.AddWithValue(consumer);
        command.Parameters.AddWithValue(messageId);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Creates the inbox table once per database (on first use, so no start-up order matters).</summary>
    public static async Task EnsureSchema(NpgsqlDataSource dataSource)
    {
        var lazy = Schemas.GetOrAdd(dataSource, ds => new Lazy<Task>(() => CreateTable(ds)));
        try
        {
            await lazy.Value;
        }
        catch
        {
            Schemas.TryRemove(new(dataSource, lazy)); // try again next time
            throw;
        }
    }

    static async Task CreateTable(NpgsqlDataSource dataSource)
    {
        try
        {
            await using var command = dataSource.CreateCommand($"""
                CREATE TABLE IF NOT EXISTS {Table} (
                    consumer   text        NOT NULL,
                    message_id uuid        NOT NULL,
                    handled_at timestamptz NOT NULL DEFAULT now(),
                    PRIMARY KEY (consumer, message_id)
                )
                """);
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another process created it at the same moment.
        }
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;
using Weasel.Postgresql.Tables;

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
/// A service that consumes through the inbox declares its table with its own: <c>o.Tables(Inbox.DeclaredTable())</c>.
/// </summary>
public static class Inbox
{
    private const string TableName = "ido_inbox";

    /// <summary>Opens a transaction holding the message's record, or returns null when
    /// <paramref name="consumer"/> already handled <paramref name="messageId"/>. A concurrent delivery of
    /// the same message waits here until the first one commits (then null) or rolls back (then it runs).</summary>
    public static async Task<InboxTransaction?> Begin(NpgsqlDataSource dataSource, string consumer, Guid? messageId,
        CancellationToken ct = default)
    {
        if (messageId is not { } id || id == Guid.Empty)
            throw new InvalidOperationException($"{consumer} received a message without a message id; it cannot be made idempotent.");

        var connection = await dataSource.OpenConnectionAsync(ct);
        NpgsqlTransaction? transaction = null;
        try
        {
            transaction = await connection.BeginTransactionAsync(ct);
            await using var record = new NpgsqlCommand($"""
                INSERT INTO {TableName} (consumer, message_id) VALUES (@consumer, @id)
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
        await using var command = dataSource.CreateCommand($"SELECT EXISTS (SELECT 1 FROM {TableName} WHERE consumer = $1 AND message_id = $2)");
        command.Parameters.AddWithValue(consumer);
        command.Parameters.AddWithValue(messageId);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The inbox table, for the service's schema step (Marten applies it with its own at start-up).</summary>
    public static Table DeclaredTable()
    {
        var table = ServiceTables.Named(TableName);
        table.AddColumn("consumer", "text").AsPrimaryKey();
        table.AddColumn("message_id", "uuid").AsPrimaryKey();
        table.AddColumn("handled_at", "timestamptz").NotNull().DefaultValueByExpression("now()");
        return table;
    }
}

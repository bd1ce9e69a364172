using Npgsql;

namespace IdoPlatform.BuildingBlocks.Messaging.Inbox;

/// <summary>The transaction that holds a message's handled record; the consumer writes its effect through
/// it and commits. Disposed without <see cref="Commit"/>, everything (record included) rolls back.</summary>
public sealed class InboxTransaction(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
{
    public NpgsqlConnection Connection { get; } = connection;
    public NpgsqlTransaction Transaction { get; } = transaction;

    /// <summary>A command enlisted in the inbox transaction.</summary>
    public NpgsqlCommand CreateCommand(string sql) => new(sql, Connection, Transaction);

    public Task Commit(CancellationToken ct = default) => Transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await Transaction.DisposeAsync();
        await Connection.DisposeAsync();
    }
}

using Npgsql;

namespace IdoPlatform.BuildingBlocks.Persistence;

/// <summary>
/// A service's own tables beside Marten's, created by an idempotent DDL script once at start-up, before any
/// consumer, daemon or request runs (<see cref="SchemaScriptRegistration.AddSchemaScript{T}"/>). Replicas starting
/// together are serialised by an advisory lock named after the script.
/// </summary>
public abstract class SchemaScript(NpgsqlDataSource dataSource, string name, string ddl)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile bool _created;

    public async Task EnsureCreated()
    {
        if (_created) return;
        await _gate.WaitAsync();
        try
        {
            if (_created) return;
            await Create();
            _created = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task Create()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var gate = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@name, 0))", connection, tx))
        {
            gate.Parameters.AddWithValue("name", "schema:" + name);
            await gate.ExecuteNonQueryAsync();
        }
        await using (var create = new NpgsqlCommand(ddl, connection, tx))
            await create.ExecuteNonQueryAsync();
        await tx.CommitAsync();
    }
}

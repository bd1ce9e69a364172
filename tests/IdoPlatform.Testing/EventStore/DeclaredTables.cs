using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace IdoPlatform.Testing.EventStore;

/// <summary>
/// A service's tables declared to Marten (Weasel) against the DDL script that created them before: databases made by
/// the script exist, and must start with the declarations without a migration.
/// </summary>
public static class DeclaredTables
{
    /// <param name="Migration">What Marten would change in the script's tables, one entry (with its SQL) per table.</param>
    /// <param name="ScriptCatalog">Columns, indexes and constraints as the script created them.</param>
    /// <param name="DeclaredCatalog">The same as Marten creates them from the declarations on an empty database.</param>
    /// <param name="MigratedCatalog">The script's tables after Marten applied <paramref name="Migration"/> at start-up.</param>
    public sealed record Comparison(IReadOnlyList<string> Migration, string ScriptCatalog, string DeclaredCatalog,
        string MigratedCatalog);

    public static async Task<Comparison> CompareWithScript(string script, Func<Table[]> declare)
    {
        var names = declare().Select(t => t.Identifier.Name).ToArray();

        var fromScript = await RealServers.NewDatabaseAsync("tables-script");
        await using (var connection = new NpgsqlConnection(fromScript))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(script, connection);
            await command.ExecuteNonQueryAsync();
        }
        IReadOnlyList<string> migration;
        var scriptCatalog = await Catalog(fromScript, names);
        await using (var store = Store(fromScript, declare()))
        {
            migration = await Changes(store, declare());
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }

        var declared = await RealServers.NewDatabaseAsync("tables-declared");
        await using (var store = Store(declared, declare()))
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        return new Comparison(migration, scriptCatalog, await Catalog(declared, names), await Catalog(fromScript, names));
    }

    /// <summary>Creates declared tables on a database without an event store (a test host of one building block). On a
    /// connection of its own pool: a shared pool may hand out a connection that a test's network cut has broken.</summary>
    public static async Task Create(string connectionString, params Table[] tables)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync();
        foreach (var table in tables) await table.ApplyChangesAsync(connection);
    }

    private static DocumentStore Store(string connectionString, Table[] tables) => DocumentStore.For(o =>
    {
        o.Connection(connectionString);
        o.Storage.ExtendedSchemaObjects.AddRange(tables);
    });

    /// <summary>The migration Marten would apply at start-up, for these tables only (Marten's own are not there).</summary>
    private static async Task<IReadOnlyList<string>> Changes(DocumentStore store, Table[] tables)
    {
        var ours = tables.Select(t => t.Identifier).ToHashSet();
        var migration = await store.Storage.Database.CreateMigrationAsync();
        return migration.Deltas
            .Where(d => d.Difference != SchemaPatchDifference.None && ours.Contains(d.SchemaObject.Identifier))
            .Select(d =>
            {
                var sql = new StringWriter();
                d.WriteUpdate(new PostgresqlMigrator(), sql);
                return $"{d.SchemaObject.Identifier}: {d.Difference}\n{sql}";
            })
            .ToList();
    }

    /// <summary>Everything PostgreSQL knows of the tables' shape, as comparable text. Unique constraints are left out:
    /// the script declared some, Weasel declares unique indexes, and both leave the same index (listed) behind.</summary>
    private static async Task<string> Catalog(string connectionString, string[] tables)
    {
        const string sql = """
            SELECT table_name || '.' || column_name || ' ' || format_type(a.atttypid, a.atttypmod)
                   || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
                   || coalesce(' DEFAULT ' || column_default, '')
            FROM information_schema.columns c
            JOIN pg_attribute a ON a.attrelid = ('public.' || c.table_name)::regclass AND a.attname = c.column_name
            WHERE table_schema = 'public' AND table_name = ANY(@tables)
            UNION ALL
            SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = ANY(@tables)
            UNION ALL
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE contype <> 'u' AND conrelid = ANY(SELECT ('public.' || t)::regclass FROM unnest(@tables) t)
            ORDER BY 1
            """;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("tables", tables);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
        return string.Join("\n", lines);
    }
}

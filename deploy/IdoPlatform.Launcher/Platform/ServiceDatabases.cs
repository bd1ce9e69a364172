using Npgsql;

namespace IdoPlatform.Launcher;

/// <summary>Each service's own database, created when missing (never dropped: <c>./ido up</c> keeps its data).</summary>
public static class ServiceDatabases
{
    private const string DuplicateDatabase = "42P04";

    public static async Task EnsureAsync(string adminConnectionString, IEnumerable<string> names, CancellationToken ct)
    {
        await using var admin = NpgsqlDataSource.Create(adminConnectionString);
        foreach (var name in names)
        {
            await using var exists = admin.CreateCommand("SELECT 1 FROM pg_database WHERE datname = $1");
            exists.Parameters.AddWithValue(name);
            if (await exists.ExecuteScalarAsync(ct) is not null)
                continue;
            try
            {
                // A name is an identifier, not a parameter: quote it.
                await using var create = admin.CreateCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\"");
                await create.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException exception) when (exception.SqlState == DuplicateDatabase)
            {
                // Another launcher made it at the same moment.
            }
        }
    }

    /// <summary>A connection string for <paramref name="database"/> with an explicit pool maximum
    /// (<see cref="ConnectionBudget"/>), never Npgsql's default of 100.</summary>
    public static string ConnectionStringFor(string adminConnectionString, string database, string applicationName,
        int maxPoolSize) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString)
        {
            Database = database,
            ApplicationName = applicationName,
            MaxPoolSize = maxPoolSize,
        }.ConnectionString;

    /// <summary>What a service process gets as <c>ConnectionStrings:Postgres</c>.</summary>
    public static string ForService(string adminConnectionString, ServiceDefinition service, string databasePrefix) =>
        ConnectionStringFor(adminConnectionString, service.DatabaseName(databasePrefix), "ido-" + service.Name,
            ConnectionBudget.PoolSize(service));
}

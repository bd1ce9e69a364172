using System.Collections.Concurrent;
using Npgsql;

namespace IdoPlatform.Testing;

/// <summary>A real PostgreSQL shared by the tests of one process; each fixture takes a fresh database.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly NpgsqlDataSource _admin;
    private readonly Func<ValueTask> _stop;
    private readonly bool _dropDatabasesAtEnd;
    private readonly ConcurrentBag<string> _created = [];
    private int _disposed;

    internal PostgresServer(string adminConnectionString, string source, TimeSpan startedIn, Func<ValueTask> stop, bool dropDatabasesAtEnd)
    {
        AdminConnectionString = adminConnectionString;
        Source = source;
        StartedIn = startedIn;
        _stop = stop;
        _dropDatabasesAtEnd = dropDatabasesAtEnd;
        _admin = NpgsqlDataSource.Create(adminConnectionString);
    }

    /// <summary>A superuser connection to the server's maintenance database.</summary>
    public string AdminConnectionString { get; }

    /// <summary>Where the server came from (environment, container or private instance), for test output.</summary>
    public string Source { get; }

    /// <summary>How long getting the server took (zero when the environment named one).</summary>
    public TimeSpan StartedIn { get; }

    /// <summary>Creates a brand-new empty database and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = UniqueName.For(prefix);
        await using (var command = _admin.CreateCommand($"CREATE DATABASE \"{name}\""))
            await command.ExecuteNonQueryAsync();
        _created.Add(name);
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        // All at once: a test runner may kill its host moments after the run.
        if (_dropDatabasesAtEnd)
            await Task.WhenAll(_created.Select(async name =>
            {
                await using var command = _admin.CreateCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                await command.ExecuteNonQueryAsync();
            }));
        await _admin.DisposeAsync();
        await _stop();
    }
}

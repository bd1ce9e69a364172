using Xunit;

namespace IdoPlatform.Testing.Fixtures;

/// <summary>
/// A fresh, empty database on the shared real PostgreSQL for one test class
/// (<c>IClassFixture&lt;DatabaseFixture&gt;</c>) or collection (<c>ICollectionFixture&lt;DatabaseFixture&gt;</c>).
/// Derive to set the name prefix or to create a schema in <see cref="InitializeAsync"/>.
/// </summary>
public class DatabaseFixture : IAsyncLifetime
{
    private string? _connectionString;

    /// <summary>Readable start of the database name; the class name unless overridden.</summary>
    protected virtual string Prefix => GetType().Name;

    public string ConnectionString => _connectionString ?? throw new InvalidOperationException("Not initialised yet.");

    public PostgresServer Server { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        Server = await RealServers.PostgresAsync();
        _connectionString = await Server.CreateDatabaseAsync(Prefix);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;
}

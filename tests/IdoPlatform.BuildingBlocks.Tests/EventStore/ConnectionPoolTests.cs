using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>A service's pool (requests, consumers and Marten's daemon share it) is bounded: the deployment's own maximum,
/// else a small default, never Npgsql's 100 that would let a few replicas exceed the server's max_connections.</summary>
public sealed class ConnectionPoolTests
{
    [Theory]
    [InlineData("Host=db;Database=offers", 30)]
    [InlineData("Host=db;Database=offers;Maximum Pool Size=12", 12)]
    [InlineData("Host=db;Database=offers;MaxPoolSize=100", 100)] // an explicit maximum is the deployment's choice
    public void The_data_source_takes_the_connection_strings_maximum_or_the_default(string connectionString, int expected)
    {
        using var dataSource = EventStoreRegistration.CreateDataSource(new EventStoreOptions { ConnectionString = connectionString });

        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).MaxPoolSize);
    }
}

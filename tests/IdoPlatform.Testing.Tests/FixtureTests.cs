using IdoPlatform.Testing.Fixtures;
using Npgsql;

namespace IdoPlatform.Testing.Tests;

public sealed class OrdersDatabase : DatabaseFixture
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("CREATE TABLE orders (id int PRIMARY KEY)", connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed class FixtureTests(OrdersDatabase database, VirtualHostFixture virtualHost)
    : IClassFixture<OrdersDatabase>, IClassFixture<VirtualHostFixture>
{
    [Fact]
    public async Task A_derived_database_fixture_has_its_own_prefix_and_schema()
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orders", connection);

        Assert.StartsWith("ordersdatabase_", connection.Database);
        Assert.Equal(0L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_virtual_host_fixture_gives_a_working_virtual_host()
    {
        await Broker.PublishConfirmed(virtualHost.AmqpUri, "fixture", "ping");

        Assert.StartsWith("/virtualhostfixture_", virtualHost.AmqpUri.AbsolutePath);
        Assert.Equal("ping", await Broker.Take(virtualHost.AmqpUri, "fixture"));
    }
}

using Npgsql;
using Xunit.Abstractions;

namespace IdoPlatform.Testing.Tests;

public sealed class PostgresServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_created_database_is_new_empty_and_answers()
    {
        var server = await RealServers.PostgresAsync();
        output.WriteLine($"{server.Source}, started in {server.StartedIn.TotalSeconds:F1} s");

        var connectionString = await server.CreateDatabaseAsync("Answers Test");

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        Assert.StartsWith("answers_test_", name);
        Assert.Equal(1, await Scalar<int>(connectionString, "SELECT 1"));
        Assert.Equal(name, await Scalar<string>(connectionString, "SELECT current_database()"));
        Assert.Equal(0L, await Scalar<long>(connectionString,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
    }

    [Fact]
    public async Task Two_created_databases_are_distinct()
    {
        var server = await RealServers.PostgresAsync();
        var first = await server.CreateDatabaseAsync("same");
        var second = await server.CreateDatabaseAsync("same");

        await Scalar<int>(first, "CREATE TABLE only_in_first (id int); SELECT 1");

        Assert.NotEqual(first, second);
        Assert.Equal(1L, await Scalar<long>(first, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
        Assert.Equal(0L, await Scalar<long>(second, "SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_first'"));
    }

    [Fact]
    public async Task The_admin_connection_is_a_superuser_with_room_for_many_connections()
    {
        var server = await RealServers.PostgresAsync();

        Assert.True(await Scalar<bool>(server.AdminConnectionString, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
        if (server.Source != RealServers.PostgresVariable) // a server named by the environment is as it is
            Assert.True(int.Parse(await Scalar<string>(server.AdminConnectionString, "SHOW max_connections")) >= 300);
    }

    [Fact]
    public async Task The_shared_server_is_one_per_process()
    {
        Assert.Same(await RealServers.PostgresAsync(), await RealServers.PostgresAsync());
    }

    private static async Task<T> Scalar<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}

using IdoPlatform.Launcher;
using IdoPlatform.Launcher.Local;

namespace IdoPlatform.Deploy.Tests;

/// <summary>./ido up runs every service on one private PostgreSQL: their pools, at the most replicas it starts, fit.</summary>
public sealed class LauncherConnectionBudgetTests
{
    [Fact]
    public void Every_service_process_pool_at_two_replicas_plus_headroom_fits_the_private_servers_max_connections()
    {
        const string admin = "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";
        var pools = ServiceDefinition.Services
            .Select(s => ConnectionLimits.PoolMaximum(ServiceDatabases.ForService(admin, s, "ido")))
            .ToList();
        Assert.Equal(4, pools.Count);
        Assert.All(pools, pool => Assert.InRange(pool, 10, 50)); // room for a burst of requests and consumers, not Npgsql's 100

        var server = UpCommand.PostgresOptions(new LocalFolders("/tmp/ido-checkout")).MaxConnections;
        var wanted = pools.Sum() * ConnectionBudget.MostReplicas + ConnectionBudget.Headroom;
        Assert.True(wanted <= server, $"{pools.Sum()} × {ConnectionBudget.MostReplicas} replicas + {ConnectionBudget.Headroom} = {wanted} > max_connections {server}");
    }
}

namespace IdoPlatform.Launcher;

/// <summary>
/// PostgreSQL connections under <c>./ido up</c>: every service shares the one private server, so each process's pool
/// maximum (its Npgsql data source, which Marten's daemon uses too), times the replicas, plus headroom must fit the
/// server's <c>max_connections</c>; otherwise a busy moment ends in "too many clients" instead of a short wait for a
/// pooled connection. The arithmetic is in the README ("Operating it").
/// </summary>
public static class ConnectionBudget
{
    /// <summary><c>Maximum Pool Size</c> of each process of a service with a database: requests, consumers (up to the
    /// prefetch of 32 each, waiting for a connection beyond this) and the async daemon share it.</summary>
    public const int PoolPerServiceProcess = 30;

    /// <summary>The most instances of each service <c>./ido up</c> starts (<c>--replicas 2</c>).</summary>
    public const int MostReplicas = 2;

    /// <summary>Connections beyond the services' pools: PostgreSQL's superuser_reserved_connections (3), the launcher's
    /// own (creating databases, readiness), the tests' queries on a platform they started, an operator's psql.</summary>
    public const int Headroom = 30;

    /// <summary>The private server's <c>max_connections</c>.</summary>
    public const int ServerMaxConnections = 300;

    /// <summary>A small pool for the launcher's own look-ups in a service's database.</summary>
    public const int LauncherPool = 3;

    public static int PoolSize(ServiceDefinition service) => service.HasDatabase ? PoolPerServiceProcess : 0;
}

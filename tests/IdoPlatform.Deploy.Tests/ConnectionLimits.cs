using System.Text.RegularExpressions;
using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;

namespace IdoPlatform.Deploy.Tests;

/// <summary>Reads the PostgreSQL connection limits a deployment sets: a client's pool maximum, a server's max_connections.</summary>
public static partial class ConnectionLimits
{
    /// <summary>Connections beyond the services' pools a server keeps free: superuser_reserved_connections (3), an
    /// operator's psql, migrations and backups.</summary>
    public const int ServerHeadroom = 20;

    /// <summary>The pool maximum a connection string names; a failure when it names none (Npgsql would take 100).</summary>
    public static int PoolMaximum(string connectionString)
    {
        var text = connectionString.Replace("$(POSTGRES_PASSWORD)", "x");
        Assert.True(EventStoreRegistration.NamesPoolMaximum(text), $"no explicit Maximum Pool Size in {connectionString}");
        return new NpgsqlConnectionStringBuilder(text).MaxPoolSize;
    }

    /// <summary>The <c>-c max_connections=N</c> among a server's arguments; 100 (PostgreSQL's default) without one.</summary>
    public static int MaxConnections(IEnumerable<string> arguments) =>
        arguments.Select(a => MaxConnectionsSetting().Match(a)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value))
            .DefaultIfEmpty(100).Last();

    [GeneratedRegex(@"^max_connections=(\d+)$")]
    private static partial Regex MaxConnectionsSetting();
}

namespace IdoPlatform.LocalServers;

public sealed record PrivatePostgresOptions
{
    /// <summary>0 picks a free loopback port.</summary>
    public int Port { get; init; }

    /// <summary>Null keeps the data in the instance folder, removed at the end; a folder of your own keeps it
    /// (and reuses it next time).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Durability off (fsync, synchronous commit, full pages): a crash loses data, tests run faster.</summary>
    public bool TunedForTests { get; init; } = true;

    /// <summary>The server's <c>max_connections</c>: every client's pool maximum together, with headroom, must fit.</summary>
    public int MaxConnections { get; init; } = 300;
}

namespace IdoPlatform.LocalServers;

public sealed record PrivateRabbitMqOptions
{
    /// <summary>0 picks a free loopback port.</summary>
    public int AmqpPort { get; init; }

    /// <summary>0 picks a free loopback port.</summary>
    public int ManagementPort { get; init; }

    /// <summary>Null keeps the data in the instance folder, removed at the end; a folder of your own keeps it
    /// (give a fixed <see cref="NodeName"/> too: the data belongs to the node name).</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Null makes a unique <c>ido-test-…@localhost</c>, so nodes of parallel runs never meet.</summary>
    public string? NodeName { get; init; }

    /// <summary>Starts the node in a session of its own (<c>setsid</c>), so a Ctrl-C at the owner's terminal
    /// reaches only the owner, which then stops the node in order, instead of the node stopping on its own
    /// while the programs using it are still running (the local launcher).</summary>
    public bool OwnSession { get; init; }
}

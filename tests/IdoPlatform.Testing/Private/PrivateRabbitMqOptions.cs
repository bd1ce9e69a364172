namespace IdoPlatform.Testing.Private;

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
}

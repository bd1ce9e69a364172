namespace IdoPlatform.BuildingBlocks.EventStore;

public sealed class EventStoreOptions
{
    /// <summary>The service's own database.</summary>
    public string ConnectionString { get; set; } = "";

    public EventTypeRegistry Events { get; } = new();

    /// <summary>Most events a subscription receives in one batch.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How often an idle subscription looks for new events.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How often a cold instance tries to take over a subscription.</summary>
    public TimeSpan TakeoverInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A session idle inside a transaction longer than this is ended by PostgreSQL, so it
    /// cannot hold back the readers of the global order for long.</summary>
    public TimeSpan IdleInTransactionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Run the subscription daemon in this process (off for tools that only write).</summary>
    public bool RunDaemon { get; set; } = true;
}

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>The stream was not at the expected version: nothing was written.</summary>
public sealed class ConcurrencyException(Guid streamId, long expectedVersion, long? actualVersion)
    : Exception($"Stream {streamId} expected at version {expectedVersion} but is at {actualVersion?.ToString() ?? "none"}.")
{
    public Guid StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
    /// <summary>Null when the stream does not exist.</summary>
    public long? ActualVersion { get; } = actualVersion;
}

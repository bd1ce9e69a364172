namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>The stream was not at the expected version, or a new stream's id was taken: nothing was written.
/// Marten's own exceptions for these cases are translated into this one in <see cref="EventStreams"/>.</summary>
public sealed class ConcurrencyException(Guid streamId, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public Guid StreamId { get; } = streamId;
}

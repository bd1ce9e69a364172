using JasperFx.Events;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>Who and why: kept beside every event, never inside the domain payload.</summary>
public sealed record EventMetadata(
    Guid EventId,
    DateTimeOffset Timestamp,
    string? Actor,
    string? CorrelationId,
    string? CausationId);

/// <summary>An event as committed: its place in its stream and in the global order (Marten's sequence).</summary>
public sealed record StoredEvent(
    long Sequence,
    Guid StreamId,
    long StreamVersion,
    string TypeAlias,
    object Data,
    EventMetadata Metadata)
{
    public static StoredEvent From(IEvent e) => new(e.Sequence, e.StreamId, e.Version, e.EventTypeName, e.Data,
        new EventMetadata(e.Id, e.Timestamp, e.UserName, e.CorrelationId, e.CausationId));
}

/// <summary>Who is appending, and the request it belongs to.</summary>
public sealed record AppendContext(string? Actor, string? CorrelationId = null, string? CausationId = null)
{
    public static readonly AppendContext System = new("system");
}

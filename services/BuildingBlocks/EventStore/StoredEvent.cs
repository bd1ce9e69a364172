namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>Who and why: kept beside every event, never inside the domain payload.</summary>
public sealed record EventMetadata(
    Guid EventId,
    DateTimeOffset Timestamp,
    string? Actor,
    string? CorrelationId,
    string? CausationId);

/// <summary>An event as committed: its place in its stream and in the global order.</summary>
/// <remarks>
/// <see cref="TransactionId"/> is the writing transaction (<c>pg_current_xact_id()</c>); readers of the
/// global order checkpoint on (TransactionId, Sequence) so a late commit delays them but is never skipped.
/// </remarks>
public sealed record StoredEvent(
    long Sequence,
    ulong TransactionId,
    Guid StreamId,
    string StreamType,
    long StreamVersion,
    string TypeAlias,
    int TypeVersion,
    object Data,
    EventMetadata Metadata);

/// <summary>Who is appending, and the request it belongs to.</summary>
public sealed record AppendContext(string? Actor, string? CorrelationId = null, string? CausationId = null)
{
    public static readonly AppendContext System = new("system");
}

public sealed record AppendResult(Guid StreamId, long Version, IReadOnlyList<StoredEvent> Events);

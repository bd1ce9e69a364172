using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.Offers.Common;

/// <summary>One event in a resource's history: what happened, when, in which version.</summary>
public sealed record HistoryEntry(long Version, string Event, DateTimeOffset OccurredAt)
{
    public static IReadOnlyList<HistoryEntry> From(IEnumerable<StoredEvent> events) =>
        events.Select(e => new HistoryEntry(e.StreamVersion, e.TypeAlias, e.Metadata.Timestamp)).ToList();
}

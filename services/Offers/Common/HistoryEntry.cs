using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Offers.Common;

/// <summary>One event in a resource's history: what happened, when, in which version, by which account, why, and which
/// fields of the resource (as its API shows it) it changed.</summary>
public sealed record HistoryEntry(
    long Version,
    string Event,
    DateTimeOffset OccurredAt,
    string? AccountId,
    string? Reason,
    IReadOnlyList<FieldChange> Changes)
{
    /// <summary>The history of one stream: each event folded onto the state before it, and the two states as
    /// <paramref name="view"/> shows them compared.</summary>
    public static IReadOnlyList<HistoryEntry> From<TState>(IReadOnlyList<StoredEvent> events, EventStreams streams,
        Func<TState, object> view, Func<object, string?> reason) where TState : class
    {
        var entries = new List<HistoryEntry>(events.Count);
        TState? before = null;
        foreach (var stored in events)
        {
            var after = streams.Fold(before, [stored.Data]);
            var changes = FieldChanges.Between(FieldChanges.Leaves(before is null ? null : view(before)),
                FieldChanges.Leaves(after is null ? null : view(after)));
            entries.Add(new HistoryEntry(stored.StreamVersion, stored.TypeAlias, stored.Metadata.Timestamp, stored.Metadata.Actor,
                reason(stored.Data), changes));
            before = after;
        }
        return entries;
    }
}

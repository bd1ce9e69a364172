using System.Globalization;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.VisitHistory;

/// <summary>One event of the visit: what happened, when, by which account, why, and what changed.</summary>
public sealed record VisitHistoryEntry(
    long Version,
    string Event,
    DateTimeOffset At,
    string? AccountId,
    string? Reason,
    IReadOnlyList<FieldChange> Changes);

/// <summary>The visit's history, derived from its stream by comparing each state with the one before.</summary>
public static class VisitHistory
{
    public static IReadOnlyList<VisitHistoryEntry> From(IReadOnlyList<StoredEvent> stream)
    {
        var entries = new List<VisitHistoryEntry>();
        Visit? before = null;
        foreach (var stored in stream)
        {
            var after = Visit.Evolve(before, stored.Data);
            if (after is null) continue;
            var (name, reason) = stored.Data switch
            {
                VisitRegistered => ("registered", null),
                VisitCorrected e => ("corrected", e.Reason),
                VisitVoided e => ("voided", e.Reason),
                VisitNoteErased e => ("note-erased", e.Reason),
                _ => (stored.TypeAlias, (string?)null),
            };
            entries.Add(new VisitHistoryEntry(stored.StreamVersion, name, stored.Metadata.Timestamp, stored.Metadata.Actor,
                reason, Changes(before, after)));
            before = after;
        }
        return entries;
    }

    public static IReadOnlyList<FieldChange> Changes(Visit? before, Visit after) =>
        FieldChanges.Between(before is null ? [] : Fields(before), Fields(after));

    private static IEnumerable<(string Field, string? Value)> Fields(Visit visit)
    {
        var d = visit.Details;
        yield return ("status", visit.Status == VisitStatus.Voided ? "voided" : "registered");
        yield return ("locationId", visit.Place.LocationId);
        yield return ("occurredAt", d.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        yield return ("channel", d.Channel);
        for (var i = 0; i < d.Questions.Count; i++)
        {
            var q = d.Questions[i];
            var at = $"questions[{i}]";
            yield return ($"{at}.topic", q.Topic);
            yield return ($"{at}.domain", q.Domain);
            yield return ($"{at}.organisation", q.Organisation);
            yield return ($"{at}.durationBand", q.DurationBand);
            yield return ($"{at}.helpGiven", string.Join(",", q.HelpGiven));
            yield return ($"{at}.referredTo", q.ReferredTo);
            yield return ($"{at}.referralMethod", q.ReferralMethod);
        }
        yield return ("referralCode", d.ReferralCode);
        yield return ("note", d.Note);
    }
}

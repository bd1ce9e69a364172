using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Storage.Referrals;

/// <summary>
/// Folds referral messages, in any order and any number of times, into one outcome. An arrival can be reversed (its
/// visit voided, its code corrected away), so a referral may end, open again and end again: the message with the
/// highest referral version decides the status. Messages from before versions were carried (0) keep the rule they
/// were made for among themselves, the first ending by its own time wins; any versioned message is newer than them.
/// </summary>
public static class ReferralOutcomeEvolution
{
    public static ReferralOutcome? Evolve(ReferralOutcome? current, object message) => message switch
    {
        ReferralIssued m => Heard(Of(current, m.Referral) with { IssuedOn = DutchCalendar.DayOf(m.IssuedAt) }, m.Referral,
            ReferralStatus.Issued, null),
        ReferralArrived m => Heard(Of(current, m.Referral), m.Referral, ReferralStatus.Arrived, m.ArrivedAt),
        ReferralArrivalReversed m => Heard(Of(current, m.Referral), m.Referral, ReferralStatus.Issued, null),
        ReferralExpired m => Heard(Of(current, m.Referral), m.Referral, ReferralStatus.Expired, m.ExpiredAt),
        ReferralCancelled m => Heard(Of(current, m.Referral), m.Referral, ReferralStatus.Cancelled, m.CancelledAt),
        _ => current,
    };

    public static Guid? ReferralIdOf(object message) => message switch
    {
        ReferralIssued m => m.Referral.ReferralId,
        ReferralArrived m => m.Referral.ReferralId,
        ReferralArrivalReversed m => m.Referral.ReferralId,
        ReferralExpired m => m.Referral.ReferralId,
        ReferralCancelled m => m.Referral.ReferralId,
        _ => null,
    };

    private static ReferralOutcome Of(ReferralOutcome? current, ReferralFacts facts) => current ?? new(
        facts.ReferralId, facts.Agency, facts.Topic, facts.Province, facts.MunicipalityCode, facts.LocationId,
        IssuedOn: null, ReferralStatus.Issued, EndedAt: null);

    /// <summary>The status a message reports, when it is the newest heard; <paramref name="endedAt"/> null for an open one.</summary>
    private static ReferralOutcome Heard(ReferralOutcome current, ReferralFacts facts, ReferralStatus status,
        DateTimeOffset? endedAt)
    {
        if (facts.Version == 0 && current.Version == 0)
            return endedAt is { } at ? FirstEnding(current, status, at) : current;
        return facts.Version > current.Version
            ? current with { Status = status, EndedAt = endedAt, Version = facts.Version }
            : current;
    }

    private static ReferralOutcome FirstEnding(ReferralOutcome current, ReferralStatus status, DateTimeOffset at)
    {
        var earlier = current.EndedAt is not { } ended || at < ended || (at == ended && status < current.Status);
        return earlier ? current with { Status = status, EndedAt = at } : current;
    }
}

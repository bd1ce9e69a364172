using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Storage.Referrals;

/// <summary>
/// Folds referral messages, in any order and any number of times, into one outcome: the first ending
/// (by its own time) wins, since the referrals service lets a referral end only once.
/// </summary>
public static class ReferralOutcomeEvolution
{
    public static ReferralOutcome? Evolve(ReferralOutcome? current, object message) => message switch
    {
        ReferralIssued m => (current ?? Start(m.Referral)) with { IssuedOn = DutchCalendar.DayOf(m.IssuedAt) },
        ReferralArrived m => End(current ?? Start(m.Referral), ReferralStatus.Arrived, m.ArrivedAt),
        ReferralExpired m => End(current ?? Start(m.Referral), ReferralStatus.Expired, m.ExpiredAt),
        ReferralCancelled m => End(current ?? Start(m.Referral), ReferralStatus.Cancelled, m.CancelledAt),
        _ => current,
    };

    public static Guid? ReferralIdOf(object message) => message switch
    {
        ReferralIssued m => m.Referral.ReferralId,
        ReferralArrived m => m.Referral.ReferralId,
        ReferralExpired m => m.Referral.ReferralId,
        ReferralCancelled m => m.Referral.ReferralId,
        _ => null,
    };

    private static ReferralOutcome Start(ReferralFacts facts) => new(
        facts.ReferralId, facts.Agency, facts.Topic, facts.Province, facts.MunicipalityCode, facts.LocationId,
        IssuedOn: null, ReferralStatus.Issued, EndedAt: null);

    private static ReferralOutcome End(ReferralOutcome current, ReferralStatus status, DateTimeOffset at)
    {
        var earlier = current.EndedAt is not { } ended || at < ended || (at == ended && status < current.Status);
        return earlier ? current with { Status = status, EndedAt = at } : current;
    }
}

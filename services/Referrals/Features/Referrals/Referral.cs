namespace IdoPlatform.Referrals.Features.Referrals;

public static class ReferralStatus
{
    public const string Issued = "issued";
    public const string Arrived = "arrived";
    public const string Expired = "expired";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Issued, Arrived, Expired, Cancelled];
}

/// <summary>A referral as its events leave it.</summary>
public sealed record Referral(
    ReferralSubject Subject,
    string Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    Guid? VisitId,
    DateTimeOffset? EndedAt,
    int IgnoredArrivals,
    IReadOnlySet<Guid> IgnoredVisits)
{
    public const string StreamType = "referral";

    /// <summary>The stream id (Marten's identity of the aggregate).</summary>
    public Guid Id => Subject.ReferralId;

    public static Referral? Evolve(Referral? state, object @event) => @event switch
    {
        ReferralIssued e =>
            new Referral(e.Referral, ReferralStatus.Issued, e.IssuedAt, e.ExpiresAt, null, null, 0, new HashSet<Guid>()),
        ReferralArrivalRecorded e when state is not null => state with
        {
            Status = ReferralStatus.Arrived, VisitId = e.VisitId, EndedAt = e.ArrivedAt,
            IgnoredVisits = state.IgnoredVisits.Where(v => v != e.VisitId).ToHashSet(),
        },
        ReferralArrivalIgnored e when state is not null => state with
        {
            IgnoredArrivals = state.IgnoredArrivals + 1,
            IgnoredVisits = new HashSet<Guid>(state.IgnoredVisits) { e.VisitId },
        },
        ReferralArrivalReversed e when state is not null =>
            state with { Status = ReferralStatus.Issued, VisitId = null, EndedAt = null },
        ReferralExpired e when state is not null => state with { Status = ReferralStatus.Expired, EndedAt = e.ExpiredAt },
        ReferralCancelled e when state is not null =>
            state with { Status = ReferralStatus.Cancelled, EndedAt = e.CancelledAt },
        _ => state,
    };

    public bool IsOpen => Status == ReferralStatus.Issued;
}

namespace IdoPlatform.Monitoring.Storage.Referrals;

public enum ReferralStatus { Issued, Arrived, Expired, Cancelled }

/// <summary>
/// One referral as monitoring counts it: by the day it was issued (its cohort) and how it ended.
/// <see cref="IssuedOn"/> is null while only a later message has been heard.
/// </summary>
public sealed record ReferralOutcome(
    Guid ReferralId,
    string Agency,
    string Topic,
    string Province,
    string MunicipalityCode,
    string LocationId,
    DateOnly? IssuedOn,
    ReferralStatus Status,
    DateTimeOffset? EndedAt);

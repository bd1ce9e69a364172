namespace IdoPlatform.Monitoring.Storage.Referrals;

public enum ReferralStatus { Issued, Arrived, Expired, Cancelled }

/// <summary>
/// One referral as monitoring counts it: by the day it was issued (its cohort) and how it ended.
/// <see cref="IssuedOn"/> is null while only a later message has been heard. <see cref="Version"/> is the referral
/// stream's version the status was taken from (0 from messages that did not carry it).
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
    DateTimeOffset? EndedAt,
    long Version = 0);

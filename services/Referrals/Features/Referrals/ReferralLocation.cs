namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>What the referral decisions need to know of a location, read from the local replica.</summary>
public sealed record ReferralLocation(
    string LocationId,
    Guid OrganisationId,
    string MunicipalityCode,
    string Province,
    bool HasIdo,
    bool Visible,
    DateOnly? IdoOpenedOn,
    DateOnly? ClosedOn)
{
    /// <summary>Open for referrals on <paramref name="day"/>: an IDO that has started and is not closed.</summary>
    public bool AcceptsReferralsOn(DateOnly day) =>
        HasIdo && Visible && (ClosedOn is null || ClosedOn > day) && (IdoOpenedOn is null || IdoOpenedOn <= day);
}

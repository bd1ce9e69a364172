using IdoPlatform.Referrals.Features.NearestLocations;

namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>The location a referral sends the citizen to, as referrals' replica of offers' locations holds it now.
/// Closed locations too (offers' public look-up hides them), so an agency sees that it has to refer again.</summary>
/// <param name="Name">The location's name, e.g. "Bibliotheek Sneek".</param>
/// <param name="OrganisationName">The library organisation it belongs to.</param>
/// <param name="Address">Its postal address.</param>
/// <param name="ClosedOn">The day the location closed (JJJJ-MM-DD); absent while it is open. A referral to a closed
/// location keeps its status and its code still counts at any IDO, but the citizen cannot go to this place: refer again.</param>
public sealed record ReferredLocationResponse(string Name, string OrganisationName, AddressResponse Address, DateOnly? ClosedOn)
{
    public static ReferredLocationResponse From(ReplicaLocation l) =>
        new(l.Details.Name, l.Details.OrganisationName, AddressResponse.From(l.Details.Address), l.ClosedOn);
}

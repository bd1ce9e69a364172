using IdoPlatform.Contracts.Offers;

namespace IdoPlatform.Referrals.Features.NearestLocations;

public sealed record OpeningPeriodResponse(string Opens, string Closes);

public sealed record AddressResponse(string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition,
    string Postcode, string City)
{
    public static AddressResponse From(PostalAddress a) =>
        new(a.Street, a.HouseNumber, a.HouseLetter, a.HouseNumberAddition, a.Postcode, a.City);
}

public sealed record MatchingOfferResponse(Guid OfferId, string Title, string Format, string OfferTypeCode,
    bool WalkIn, IReadOnlyList<string> Themes, IReadOnlyList<string> Agencies);

/// <param name="Latitude">Where the location is (WGS84), for a map beside the list.</param>
/// <param name="OpeningHours">The opening periods on the requested day's weekday.</param>
public sealed record ReferralLocationResponse(
    string LocationId,
    string Name,
    Guid OrganisationId,
    string OrganisationName,
    AddressResponse Address,
    string MunicipalityCode,
    string MunicipalityName,
    string Province,
    int DistanceMeters,
    double Latitude,
    double Longitude,
    IReadOnlyList<OpeningPeriodResponse> OpeningHours,
    IReadOnlyList<MatchingOfferResponse> MatchingOffers);

/// <param name="Postcode">What was searched from: the postcode, compact (<c>2311EZ</c>), or the area alone (<c>2311</c>).</param>
public sealed record ReferralLocationsResponse(string Postcode, DateOnly OpenOn, string? Topic, IReadOnlyList<ReferralLocationResponse> Locations);

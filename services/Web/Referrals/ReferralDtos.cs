namespace IdoPlatform.Web.Referrals;

// The referrals service's answers as the agency pages read them (unknown fields are ignored).

public sealed record NearbyAddressDto(string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition, string Postcode, string City);

public sealed record NearbyPeriodDto(string Opens, string Closes);

public sealed record NearbyOfferDto(Guid OfferId, string Title, string Format, bool WalkIn, IReadOnlyList<string> Themes);

public sealed record NearbyLocationDto(
    string LocationId,
    string Name,
    string OrganisationName,
    NearbyAddressDto Address,
    int DistanceMeters,
    double Latitude,
    double Longitude,
    IReadOnlyList<NearbyPeriodDto> OpeningHours,
    IReadOnlyList<NearbyOfferDto> MatchingOffers);

public sealed record NearbyLocationsDto(string Postcode, DateOnly OpenOn, string? Topic, IReadOnlyList<NearbyLocationDto> Locations);

public sealed record AgencyReferralDto(
    Guid Id,
    string Code,
    string Agency,
    string Topic,
    string LocationId,
    string Method,
    string Status,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? EndedAt,
    int IgnoredArrivals)
{
    public bool IsOpen => Status == "issued";

    /// <summary>The code as the service writes it (<c>K7QF-2M9D</c>): read out and typed at the desk like that.</summary>
    public string CodeShown => Code;
}

public sealed record ReferralStepDto(long Version, string Kind, DateTimeOffset OccurredAt, string? VisitLocationId, string? Reason);

public sealed record AgencyReferralDetailDto(AgencyReferralDto Referral, IReadOnlyList<ReferralStepDto> History);

public sealed record ContactDto(string? Phone, string? Website, string? Address);

public sealed record ServiceHoursDto(string Day, string Opens, string Closes);

public sealed record TopicGuidanceDto(string Topic, string Channel, ContactDto Contact, IReadOnlyList<ServiceHoursDto> Hours,
    IReadOnlyList<string> IdoMayDo, IReadOnlyList<string> IdoMayNotDo);

public sealed record ReferralProfileDto(string Agency, string AgencyName, long Version, DateTimeOffset? RevisedAt,
    IReadOnlyList<TopicGuidanceDto> Topics);

public sealed record ProfileRevisionDto(long Version, DateTimeOffset RevisedAt, IReadOnlyList<TopicGuidanceDto> Topics);

public sealed record AgencyDto(string Code, string Name);

public sealed record AgencyCatalogueDto(IReadOnlyList<AgencyDto> Agencies);

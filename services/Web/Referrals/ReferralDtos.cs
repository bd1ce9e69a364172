using IdoPlatform.Web.Finder;

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
    int IgnoredArrivals,
    ReferredLocationDto? Location = null)
{
    public bool IsOpen => Status == "issued";

    /// <summary>The place it sends the citizen to has closed (the referral itself stays open: its code counts at any IDO).</summary>
    public bool LocationClosed => Location?.ClosedOn is not null;

    /// <summary>A slip to hand out: only while open, and never one that sends the citizen to a closed place.</summary>
    public bool HasSlip => IsOpen && !LocationClosed;

    /// <summary>The location's name for a list (closed ones marked), its id when referrals does not know it.</summary>
    public string LocationShown => Location is null ? LocationId : LocationClosed ? $"{Location.Name} (gesloten)" : Location.Name;

    /// <summary>The code as the service writes it (<c>K7QF-2M9D</c>): read out and typed at the desk like that.</summary>
    public string CodeShown => Code;
}

/// <summary>The referred location as the referrals service holds it, closed ones too (offers' public look-up hides those).</summary>
public sealed record ReferredLocationDto(string Name, AddressDto Address, DateOnly? ClosedOn);

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

using IdoPlatform.Web.Library;

namespace IdoPlatform.Web.Finder;

// The offers service's public answers as the finder pages read them (unknown fields are ignored).

public sealed record AddressDto(string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition, string Postcode, string City)
{
    public string Line => FinderText.Address(Street, HouseNumber, HouseLetter, HouseNumberAddition, Postcode, City);
}

public sealed record CoordinatesDto(double Latitude, double Longitude);

public sealed record OpeningPeriodDto(string Day, string Opens, string Closes);

public sealed record IdoDto(bool HasIdo, DateOnly? OpenedOn, bool InsideLibrary);

public sealed record PublicLocationDto(
    string LocationId,
    Guid OrganisationId,
    string OrganisationName,
    string Name,
    AddressDto Address,
    CoordinatesDto Coordinates,
    IReadOnlyList<OpeningPeriodDto> OpeningHours,
    IdoDto Ido,
    bool Visible,
    bool Closed)
{
    public string HoursOn(DateOnly day) => FinderText.Periods(OpeningHours.Where(p => p.Day == FinderText.EnglishDay(day.DayOfWeek))
        .OrderBy(p => p.Opens, StringComparer.Ordinal).Select(p => (p.Opens, p.Closes)));

    public IReadOnlyList<(string Day, string Hours)> Week => FinderText.Week(OpeningHours.Select(p => (p.Day, p.Opens, p.Closes)));
}

public sealed record PublicLocationHitDto(int? DistanceMeters, PublicLocationDto Location);

public sealed record CostsDto(decimal AmountEuro, string? Note);

public sealed record PublicOfferDto(
    Guid OfferId,
    IReadOnlyList<string> LocationIds,
    string Title,
    string Description,
    string Format,
    IReadOnlyList<string> Themes,
    bool WalkIn,
    string? SignUp,
    CostsDto Costs,
    IReadOnlyList<string> WhatToBring);

/// <summary>A search hit: the offer, its next dates and those dates' times (the offers service works them out).</summary>
public sealed record PublicOfferHitDto(int? DistanceMeters, PublicOfferDto Offer, IReadOnlyList<DateOnly>? NextOccurrences,
    IReadOnlyList<SessionDto>? NextSessions);

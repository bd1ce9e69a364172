using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Library;

// The offers service's answers as the library admins' pages read them (unknown fields are ignored). The pages send
// a location or an offer back whole (PUT replaces it), so these keep every field the API gives.

public sealed record AddressDto(string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition, string Postcode, string City);

public sealed record MunicipalityDto(string Code, string Name);

public sealed record CoordinatesDto(double Latitude, double Longitude);

/// <param name="Day">English weekday in lower case, as the API has it.</param>
public sealed record OpeningPeriodDto(string Day, string Opens, string Closes);

public sealed record IdoDto(bool HasIdo, DateOnly? OpenedOn, bool InsideLibrary);

public sealed record AdminLocationDto(
    string LocationId,
    Guid OrganisationId,
    string OrganisationName,
    string Name,
    string Kind,
    AddressDto Address,
    MunicipalityDto Municipality,
    string Province,
    CoordinatesDto Coordinates,
    IReadOnlyList<OpeningPeriodDto> OpeningHours,
    IdoDto Ido,
    bool Visible,
    bool Closed,
    DateOnly? ClosedOn);

public sealed record AdminLocationHitDto(AdminLocationDto Location);

public sealed record CostsDto(decimal AmountEuro, string? Note);

public sealed record SessionDto(DateOnly Date, string StartTime, string EndTime);

public sealed record RecurrenceDto(string Frequency, string Day, string StartTime, string EndTime, DateOnly StartsOn, DateOnly? EndsOn,
    int? WeekOfMonth);

public sealed record ScheduleDto(IReadOnlyList<SessionDto> Sessions, IReadOnlyList<RecurrenceDto> Recurrences, IReadOnlyList<DateOnly> Exceptions);

public sealed record OfferDto(
    Guid OfferId,
    Guid OrganisationId,
    string Status,
    IReadOnlyList<string> LocationIds,
    string OfferType,
    int OfferTypeVersion,
    string Title,
    string Description,
    string Format,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> TargetGroups,
    bool WalkIn,
    string? SignUp,
    CostsDto Costs,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> WhatToBring,
    IReadOnlyList<string> Facilities,
    ScheduleDto Schedule,
    DateOnly? ValidFrom,
    DateOnly? ValidTo)
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";
}

public sealed record OfferTypeDto(string Code, int Version, string Name, string Description);

/// <summary>One event of a location's or offer's history, as the offers API gives it: who, why and what changed.</summary>
public sealed record StreamEventDto(long Version, string Event, DateTimeOffset OccurredAt, string? AccountId, string? Reason,
    IReadOnlyList<FieldChangeDto> Changes);

public sealed record OffersCodeDto(string Code, string Label);

public sealed record OffersCodeListDto(string Name, IReadOnlyList<OffersCodeDto> Codes);

using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.Locations;

public sealed record AddressResponse(string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition,
    string Postcode, string City);

public sealed record MunicipalityResponse(string Code, string Name);

public sealed record CoordinatesResponse(double Latitude, double Longitude);

/// <param name="Day">English weekday in lower case.</param>
/// <param name="Opens">HH:mm</param>
/// <param name="Closes">HH:mm</param>
public sealed record OpeningPeriodResponse(string Day, string Opens, string Closes);

public sealed record IdoResponse(bool HasIdo, DateOnly? OpenedOn, bool InsideLibrary);

/// <summary>A location as clients see it. A closed location keeps its data, with <c>closed</c> set.</summary>
public sealed record LocationResponse(
    string LocationId,
    Guid OrganisationId,
    string OrganisationName,
    string Name,
    string Kind,
    AddressResponse Address,
    MunicipalityResponse Municipality,
    string Province,
    CoordinatesResponse Coordinates,
    IReadOnlyList<OpeningPeriodResponse> OpeningHours,
    IdoResponse Ido,
    bool Visible,
    bool Closed,
    DateOnly? ClosedOn)
{
    public static LocationResponse From(Location l)
    {
        var f = l.Facts;
        return new LocationResponse(l.LocationId, l.OrganisationId, l.OrganisationName, f.Name, f.Kind,
            new AddressResponse(f.Address.Street, f.Address.HouseNumber, f.Address.HouseLetter, f.Address.HouseNumberAddition,
                f.Address.Postcode, f.Address.City),
            new MunicipalityResponse(f.Municipality.Code, f.Municipality.Name),
            f.Province,
            new CoordinatesResponse(f.Coordinates.Latitude, f.Coordinates.Longitude),
            f.OpeningHours.Select(p => new OpeningPeriodResponse(ClockText.Format(p.Day), ClockText.Format(p.Opens), ClockText.Format(p.Closes))).ToList(),
            new IdoResponse(f.Ido.HasIdo, f.Ido.OpenedOn, f.Ido.InsideLibrary),
            f.Visible && !l.IsClosed,
            l.IsClosed,
            l.ClosedOn);
    }
}

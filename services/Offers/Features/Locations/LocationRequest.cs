using System.Text.RegularExpressions;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;
using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.Locations;

public sealed record AddressRequest(string? Street = null, int? HouseNumber = null, string? HouseLetter = null, string? HouseNumberAddition = null,
    string? Postcode = null, string? City = null);

public sealed record MunicipalityRequest(string? Code = null, string? Name = null);

public sealed record CoordinatesRequest(double? Latitude = null, double? Longitude = null);

/// <param name="Day">English weekday in lower case: <c>monday</c> … <c>sunday</c>.</param>
/// <param name="Opens">Time of day, <c>HH:mm</c>.</param>
/// <param name="Closes">Time of day, <c>HH:mm</c>, after <c>opens</c>.</param>
public sealed record OpeningPeriodRequest(string? Day = null, string? Opens = null, string? Closes = null);

public sealed record IdoRequest(bool? HasIdo = null, DateOnly? OpenedOn = null, bool? InsideLibrary = null);

/// <summary>
/// What registering and changing a location both send. Coordinates may be left out: the centroid of the postcode's
/// four-digit area is taken then. <c>organisationId</c> counts only when registering.
/// </summary>
public record LocationRequest(
    Guid? OrganisationId = null,
    string? Name = null,
    string? Kind = null,
    AddressRequest? Address = null,
    MunicipalityRequest? Municipality = null,
    string? Province = null,
    CoordinatesRequest? Coordinates = null,
    IReadOnlyList<OpeningPeriodRequest?>? OpeningHours = null,
    IdoRequest? Ido = null,
    bool? Visible = null)
{
    private static readonly Regex MunicipalityCode = new("^GM[0-9]{4}$", RegexOptions.Compiled);
    private static readonly Regex HouseLetter = new("^[A-Za-z]$", RegexOptions.Compiled);
    private static readonly Regex Addition = new("^[A-Za-z0-9]{1,4}$", RegexOptions.Compiled);

    /// <summary>Checks every field and names each bad one; facts only when all are good.</summary>
    public (LocationFacts? Facts, Validator Errors) Validate(Pc4Lookup postcodes, Validator? errors = null)
    {
        errors ??= new Validator();
        errors.RequireText("name", Name, 200);
        errors.Code("kind", Kind, OffersCodes.LocationKinds);

        var postcode = ValidateAddress(errors);

        if (Municipality is null) errors.Missing("municipality");
        else
        {
            if (Municipality.Code is null || !MunicipalityCode.IsMatch(Municipality.Code))
                errors.Invalid("municipality.code", "CBS-gemeentecode als GM0546.");
            errors.RequireText("municipality.name", Municipality.Name, 100);
        }

        errors.Code("province", Province, OffersCodes.Provinces);

        var coordinates = ValidateCoordinates(errors, postcodes, postcode);
        var hours = ValidateOpeningHours(errors);

        if (Ido?.OpenedOn is not null && Ido.HasIdo != true)
            errors.Invalid("ido.openedOn", "Alleen bij een locatie met een IDO.");

        if (errors.HasErrors) return (null, errors);

        var address = new Address(Address!.Street!.Trim(), Address.HouseNumber!.Value,
            Address.HouseLetter?.ToUpperInvariant(), Address.HouseNumberAddition, postcode!, Address.City!.Trim());
        var ido = new IdoDesk(Ido?.HasIdo ?? false, Ido?.OpenedOn, Ido?.InsideLibrary ?? Kind == "vestiging");
        var facts = new LocationFacts(Name!.Trim(), Kind!, address,
            new Municipality(Municipality!.Code!, Municipality.Name!.Trim()), Province!, coordinates!, hours, ido, Visible ?? true);
        return (facts, errors);
    }

    private string? ValidateAddress(Validator errors)
    {
        if (Address is null)
        {
            errors.Missing("address");
            return null;
        }
        errors.RequireText("address.street", Address.Street, 200);
        if (Address.HouseNumber is not (>= 1 and <= 99999)) errors.Invalid("address.houseNumber", "Een huisnummer van 1 tot en met 99999.");
        if (Address.HouseLetter is not null && !HouseLetter.IsMatch(Address.HouseLetter))
            errors.Invalid("address.houseLetter", "Eén letter.");
        if (Address.HouseNumberAddition is not null && !Addition.IsMatch(Address.HouseNumberAddition))
            errors.Invalid("address.houseNumberAddition", "Eén tot vier letters of cijfers.");
        errors.RequireText("address.city", Address.City, 100);
        if (!DutchPostcode.TryNormalize(Address.Postcode, out var postcode))
        {
            errors.Invalid("address.postcode", "Geen geldige postcode; vier cijfers en twee letters, zoals 2311EZ.");
            return null;
        }
        return postcode;
    }

    private Coordinates? ValidateCoordinates(Validator errors, Pc4Lookup postcodes, string? postcode)
    {
        if (Coordinates is null)
        {
            if (postcode is null) return null;
            if (postcodes.TryFind(postcode, out var centroid)) return new Coordinates(centroid.Latitude, centroid.Longitude);
            errors.Invalid("coordinates", postcodes.IsAvailable
                ? "Verplicht: de postcode is niet bekend in het postcodebestand."
                : "Verplicht: postcodes kunnen nu niet worden opgezocht.");
            return null;
        }
        if (Coordinates.Latitude is not { } lat) errors.Missing("coordinates.latitude");
        if (Coordinates.Longitude is not { } lon) errors.Missing("coordinates.longitude");
        if (Coordinates is not { Latitude: { } la, Longitude: { } lo }) return null;
        if (!NetherlandsBounds.Contains(la, lo))
        {
            errors.Invalid("coordinates", "Ligt niet in Nederland (breedte 50,7–53,6, lengte 3,3–7,3).");
            return null;
        }
        return new Coordinates(la, lo);
    }

    private IReadOnlyList<OpeningPeriod> ValidateOpeningHours(Validator errors)
    {
        var periods = new List<OpeningPeriod>();
        if (OpeningHours is null) return periods;
        for (var i = 0; i < OpeningHours.Count; i++)
        {
            var field = $"openingHours[{i}]";
            var p = OpeningHours[i];
            if (p is null)
            {
                errors.Missing(field);
                continue;
            }
            var dayOk = ClockText.TryParseDay(p.Day, out var day);
            if (!dayOk) errors.Invalid($"{field}.day", $"Kies uit: {string.Join(", ", ClockText.Days)}.");
            var opensOk = errors.Time($"{field}.opens", p.Opens, out var opens);
            var closesOk = errors.Time($"{field}.closes", p.Closes, out var closes);
            if (opensOk && closesOk && closes <= opens) errors.Invalid($"{field}.closes", "Moet na de openingstijd liggen.");
            else if (dayOk && opensOk && closesOk)
            {
                if (periods.Any(q => q.Day == day && q.Opens < closes && opens < q.Closes))
                    errors.Invalid(field, "Overlapt een andere openingstijd op dezelfde dag.");
                periods.Add(new OpeningPeriod(day, opens, closes));
            }
        }
        return periods.OrderBy(p => p.Day == DayOfWeek.Sunday ? 7 : (int)p.Day).ThenBy(p => p.Opens).ToList();
    }
}

using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Common;

/// <summary>A point to search around, and how far.</summary>
public sealed record SearchArea(GeoPoint Centre, int RadiusMeters);

/// <summary>A location within the searched area with its exact distance.</summary>
public sealed record RankedLocation(string LocationId, double DistanceMeters)
{
    public int RoundedMeters => (int)Math.Round(DistanceMeters, MidpointRounding.AwayFromZero);
}

/// <summary>The geo part of both searches: postcode or lat/lon, a radius, and ranking by distance.</summary>
public static class GeoSearch
{
    public const int DefaultRadiusMeters = 25_000;
    public const int MaxRadiusMeters = 400_000;
    public const string PostcodeUnavailable =
        "Zoeken op postcode is nu niet beschikbaar (postcode search unavailable): het postcodebestand ontbreekt. Zoek met lat en lon.";

    /// <summary>The problem's detail names the cause when postcode search is what is missing.</summary>
    public static string? ProblemDetail(Validator errors) =>
        errors.Errors.Any(e => e.Code == "unavailable") ? PostcodeUnavailable : null;

    /// <summary>
    /// The area to search, or null for a search without a point. Every problem lands in <paramref name="v"/>:
    /// a postcode that is malformed or unknown, postcode search being unavailable, a half coordinate,
    /// coordinates outside the Netherlands, a radius out of range or without a point.
    /// </summary>
    public static SearchArea? Resolve(Validator v, Pc4Lookup postcodes, string? postcode, double? lat, double? lon, int? radius)
    {
        v.Range("radius", radius, 1, MaxRadiusMeters);
        GeoPoint? centre = null;
        if (postcode is not null && (lat is not null || lon is not null))
        {
            v.Invalid("postcode", "Zoek met een postcode óf met lat en lon, niet met beide.");
            return null;
        }
        if (postcode is not null)
        {
            if (!postcodes.IsAvailable) v.Add("postcode", "unavailable", PostcodeUnavailable);
            else if (!DutchPostcode.TryPc4(postcode, out var area))
                v.Invalid("postcode", "Geen geldige postcode; vier cijfers en twee letters, zoals 2311EZ.");
            // Only the four digits are looked up, so the message names them, not letters the caller may not have typed.
            else if (!postcodes.TryFind(postcode, out var centroid))
                v.Unknown("postcode", $"Het postcodegebied {area} komt niet voor in het postcodebestand.");
            else centre = centroid;
        }
        else if (lat is not null || lon is not null)
        {
            if (lat is null) v.Missing("lat", "Geef lat samen met lon.");
            // Written as "not inside" so NaN, which compares false with everything, is out of range too.
            else if (!(lat >= NetherlandsBounds.MinLatitude && lat <= NetherlandsBounds.MaxLatitude))
                v.Add("lat", InvalidParamCodes.OutOfRange, "Ligt niet in Nederland (breedtegraad 50,7 tot 53,6).");
            if (lon is null) v.Missing("lon", "Geef lon samen met lat.");
            else if (!(lon >= NetherlandsBounds.MinLongitude && lon <= NetherlandsBounds.MaxLongitude))
                v.Add("lon", InvalidParamCodes.OutOfRange, "Ligt niet in Nederland (lengtegraad 3,3 tot 7,3).");
            if (lat is { } la && lon is { } lo && NetherlandsBounds.Contains(la, lo)) centre = new GeoPoint(la, lo);
        }
        else if (radius is not null)
        {
            v.Invalid("radius", "Alleen samen met postcode of lat en lon.");
        }
        return centre is { } c && !v.HasErrors ? new SearchArea(c, radius ?? DefaultRadiusMeters) : null;
    }

    /// <summary>Locations within the area, nearest first, equal distances by id (ordinal): deterministic.</summary>
    public static IReadOnlyList<RankedLocation> Rank(IEnumerable<LocationPosition> positions, SearchArea area) =>
        positions
            .Select(p => new RankedLocation(p.LocationId, GeoDistance.Meters(area.Centre, p.Point)))
            .Where(r => r.DistanceMeters <= area.RadiusMeters)
            .OrderBy(r => r.DistanceMeters).ThenBy(r => r.LocationId, StringComparer.Ordinal)
            .ToList();
}

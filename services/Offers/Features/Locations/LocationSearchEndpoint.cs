using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;
using IdoPlatform.Offers.Domain;
using IdoPlatform.Offers.Features.Search;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Offers.Http;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.Locations;

/// <summary>Query of GET /locations. With a postcode or lat/lon, hits are nearest first (ties by id), else by id.</summary>
public sealed record LocationSearchParameters(
    [FromQuery(Name = "postcode")] string? Postcode = null,
    [FromQuery(Name = "lat")] double? Lat = null,
    [FromQuery(Name = "lon")] double? Lon = null,
    [FromQuery(Name = "radius")] int? Radius = null,
    [FromQuery(Name = "organisationId")] Guid? OrganisationId = null,
    [FromQuery(Name = "municipalityCode")] string? MunicipalityCode = null,
    [FromQuery(Name = "province")] string? Province = null,
    [FromQuery(Name = "kind")] string? Kind = null,
    [FromQuery(Name = "hasIdo")] bool? HasIdo = null,
    [FromQuery(Name = "includeClosed")] bool? IncludeClosed = null,
    [FromQuery(Name = "page")] int? Page = null,
    [FromQuery(Name = "pageSize")] int? PageSize = null);

public static class LocationSearchEndpoint
{
    public static async Task<IResult> Search([AsParameters] LocationSearchParameters q, CurrentAccount? account,
        LocationQueries locations, Pc4Lookup postcodes, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var area = GeoSearch.Resolve(v, postcodes, q.Postcode, q.Lat, q.Lon, q.Radius);
        if (q.Province is not null) v.Code("province", q.Province, OffersCodes.Provinces);
        if (q.Kind is not null) v.Code("kind", q.Kind, OffersCodes.LocationKinds);
        if (q.MunicipalityCode is not null && !System.Text.RegularExpressions.Regex.IsMatch(q.MunicipalityCode, "^GM[0-9]{4}$"))
            v.Invalid("municipalityCode", "CBS-gemeentecode als GM0546.");
        if (q.IncludeClosed == true && !OffersAccess.IsAdmin(account))
            v.Add("includeClosed", InvalidParamCodes.NotAllowed, "Alleen voor beheerders.");
        var paging = Paging.Read(v, q.Page, q.PageSize);
        if (v.HasErrors) return v.Problem(v.Errors.Any(e => e.Code == "unavailable") ? GeoSearch.PostcodeUnavailable : null);

        var includeClosed = q.IncludeClosed == true;
        var filter = new LocationFilter(q.OrganisationId, q.MunicipalityCode, q.Province, q.Kind, q.HasIdo,
            ManagedOrganisation: includeClosed && account?.Role == Roles.LibraryAdmin ? account.OrganisationId : null,
            IncludeAllHidden: includeClosed && account?.Role == Roles.PlatformAdmin);
        var box = area is null ? ((double, double, double, double)?)null : GeoDistance.BoundingBox(area.Centre, area.RadiusMeters);
        var positions = await locations.Positions(filter, box, ct);

        var ranked = area is null
            ? positions.Select(p => new RankedLocation(p.LocationId, double.NaN)).OrderBy(p => p.LocationId, StringComparer.Ordinal).ToList()
            : GeoSearch.Rank(positions, area);
        var page = ranked.Skip(paging.Offset).Take(paging.PageSize).ToList();
        var loaded = (await locations.Load(page.Select(r => r.LocationId).ToList(), ct)).ToDictionary(l => l.Location.LocationId);
        var hits = page.Where(r => loaded.ContainsKey(r.LocationId))
            .Select(r => new LocationHit(area is null ? null : r.RoundedMeters, LocationView.From(loaded[r.LocationId].Location)))
            .ToList();
        return paging.Result(http, hits, ranked.Count);
    }
}

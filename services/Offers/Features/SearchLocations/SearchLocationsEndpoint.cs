using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.SearchLocations;

public static class SearchLocationsEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/locations", Handle)
        .AllowAnonymous()
        .WithTags(OffersApi.Tags.Locations)
        .WithName("searchLocations")
        .WithSummary("Zoek locaties, op afstand van een postcode of punt")
        .WithDescription("Open, zichtbare locaties; met includeClosed=true (alleen beheerders) ook gesloten en verborgen locaties " +
            "van de eigen organisatie (platformbeheerder: alle).")
        .Produces<Paged<LocationHitResponse>>();

    private static async Task<IResult> Handle([AsParameters] SearchLocationsParameters q, CurrentAccount? account,
        LocationQueries locations, Pc4Lookup postcodes, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var area = GeoSearch.Resolve(v, postcodes, q.Postcode, q.Lat, q.Lon, q.Radius);
        if (q.Province is not null) v.Code("province", q.Province, OffersCodes.Provinces);
        if (q.Kind is not null) v.Code("kind", q.Kind, OffersCodes.LocationKinds);
        if (q.MunicipalityCode is not null && !System.Text.RegularExpressions.Regex.IsMatch(q.MunicipalityCode, "^GM[0-9]{4}$"))
            v.Invalid("municipalityCode", "CBS-gemeentecode als GM0546.");
        if (q.IncludeClosed == true && !OffersAccess.MaySeeClosedLocations(account))
            v.Add("includeClosed", InvalidParamCodes.NotAllowed, "Alleen voor beheerders.");
        var paging = Paging.Read(v, q.Page, q.PageSize);
        if (v.HasErrors) return v.Problem(GeoSearch.ProblemDetail(v));

        var includeClosed = q.IncludeClosed == true;
        var filter = new LocationFilter(q.OrganisationId, q.MunicipalityCode, q.Province, q.Kind, q.HasIdo,
            ManagedOrganisation: includeClosed ? OffersAccess.ManagedOrganisation(account) : null,
            IncludeAllHidden: includeClosed && OffersAccess.SeesEverythingHidden(account));
        var box = area is null ? ((double, double, double, double)?)null : GeoDistance.BoundingBox(area.Centre, area.RadiusMeters);
        var positions = await locations.Positions(filter, box, ct);

        var ranked = area is null
            ? positions.Select(p => new RankedLocation(p.LocationId, double.NaN)).OrderBy(p => p.LocationId, StringComparer.Ordinal).ToList()
            : GeoSearch.Rank(positions, area);
        var page = ranked.Skip(paging.Offset).Take(paging.PageSize).ToList();
        var loaded = (await locations.Load(page.Select(r => r.LocationId).ToList(), ct)).ToDictionary(l => l.Location.LocationId);
        var hits = page.Where(r => loaded.ContainsKey(r.LocationId))
            .Select(r => new LocationHitResponse(area is null ? null : r.RoundedMeters, LocationResponse.From(loaded[r.LocationId].Location)))
            .ToList();
        return paging.Result(http, hits, ranked.Count);
    }
}

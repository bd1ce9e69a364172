using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.SearchOffers;

public static class SearchOffersEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/offers", Handle)
        .AllowAnonymous()
        .WithTags(OffersApi.Tags.Offers)
        .WithName("searchOffers")
        .WithSummary("Zoek gepubliceerd aanbod, op afstand van een postcode of punt")
        .WithDescription("Met postcode of lat/lon eerst het dichtstbijzijnde aanbod, met zijn dichtstbijzijnde locatie en de afstand; " +
            "from/to houdt aanbod dat in die periode minstens één keer plaatsvindt.")
        .Produces<Paged<OfferHitResponse>>();

    private static async Task<IResult> Handle([AsParameters] SearchOffersParameters q, OfferQueries offers,
        LocationQueries locations, OfferTypeQueries offerTypes, Pc4Lookup postcodes, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var area = GeoSearch.Resolve(v, postcodes, q.Postcode, q.Lat, q.Lon, q.Radius);
        if (q.Theme is not null) v.Code("theme", q.Theme, OffersCodes.Themes);
        if (q.TargetGroup is not null) v.Code("targetGroup", q.TargetGroup, OffersCodes.TargetGroups);
        if (q.OfferType is not null && await offerTypes.Find(q.OfferType, ct) is null)
            v.Unknown("offerType", $"Onbekende aanbodsoort '{q.OfferType}'.");
        // & rather than &&: both dates are checked, so both are named.
        if (v.Date("from", q.From) & v.Date("to", q.To) && q.From is { } from && q.To is { } to && to < from) v.Add("to", InvalidParamCodes.OutOfRange, "Ligt vóór from.");
        var paging = Paging.Read(v, q.Page, q.PageSize);
        if (v.HasErrors) return v.Problem(GeoSearch.ProblemDetail(v));

        IReadOnlyDictionary<string, RankedLocation>? near = null;
        if (area is not null)
        {
            var positions = await locations.Positions(new LocationFilter(), GeoDistance.BoundingBox(area.Centre, area.RadiusMeters), ct);
            near = GeoSearch.Rank(positions, area).ToDictionary(r => r.LocationId);
        }
        var candidates = await offers.Published(
            new OfferFilter(q.Theme, q.TargetGroup, q.OfferType, q.WalkIn, q.OrganisationId, near?.Keys.ToList()), ct);

        var matching = candidates
            .Where(c => (q.From is null && q.To is null) || ScheduleCalendar.OccursBetween(c.Content, q.From, q.To))
            .Select(c => (Candidate: c, Nearest: near is null ? null : Nearest(c, near)))
            .Where(m => near is null || m.Nearest is not null)
            .OrderBy(m => m.Nearest?.DistanceMeters ?? 0)
            .ThenBy(m => m.Candidate.OfferId.ToString(), StringComparer.Ordinal)
            .ToList();

        var page = matching.Skip(paging.Offset).Take(paging.PageSize).ToList();
        var now = clock.GetUtcNow(); // the next dates start from the Dutch day and time, whatever the server's zone
        var nearestLocations = (await locations.Load(page.Where(m => m.Nearest is not null).Select(m => m.Nearest!.LocationId).Distinct().ToList(), ct))
            .ToDictionary(l => l.Location.LocationId, l => l.Location);
        var hits = page.Select(m =>
        {
            var (dates, sessions) = OfferHitResponse.Next(m.Candidate.Content, now);
            return new OfferHitResponse(
                m.Nearest?.RoundedMeters,
                m.Nearest is { } n && nearestLocations.TryGetValue(n.LocationId, out var l)
                    ? new NearestLocationResponse(l.LocationId, l.Facts.Name, l.Facts.Address.City, l.Facts.Address.Postcode)
                    : null,
                OfferResponse.From(new Offer(m.Candidate.OfferId, m.Candidate.OrganisationId, m.Candidate.Content, OfferStatus.Published)),
                dates, sessions);
        }).ToList();
        return paging.Result(http, hits, matching.Count);
    }

    /// <summary>The offer's location nearest to the point (equal distances: the lowest id).</summary>
    private static RankedLocation? Nearest(OfferCandidate candidate, IReadOnlyDictionary<string, RankedLocation> near) =>
        candidate.LocationIds.Select(id => near.GetValueOrDefault(id)).OfType<RankedLocation>()
            .OrderBy(r => r.DistanceMeters).ThenBy(r => r.LocationId, StringComparer.Ordinal).FirstOrDefault();
}

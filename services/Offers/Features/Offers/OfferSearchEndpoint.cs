using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;
using IdoPlatform.Offers.Domain;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Search;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Offers.Http;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.Offers;

/// <summary>
/// Query of GET /offers: published offers only. With a postcode or lat/lon, hits are nearest first
/// (ties by offer id) and each carries its nearest location and the distance to it; without, by offer id.
/// <c>from</c>/<c>to</c> keep offers that take place at least once in that period.
/// </summary>
public sealed record OfferSearchParameters(
    [FromQuery(Name = "postcode")] string? Postcode = null,
    [FromQuery(Name = "lat")] double? Lat = null,
    [FromQuery(Name = "lon")] double? Lon = null,
    [FromQuery(Name = "radius")] int? Radius = null,
    [FromQuery(Name = "theme")] string? Theme = null,
    [FromQuery(Name = "targetGroup")] string? TargetGroup = null,
    [FromQuery(Name = "offerType")] string? OfferType = null,
    [FromQuery(Name = "walkIn")] bool? WalkIn = null,
    [FromQuery(Name = "from")] DateOnly? From = null,
    [FromQuery(Name = "to")] DateOnly? To = null,
    [FromQuery(Name = "organisationId")] Guid? OrganisationId = null,
    [FromQuery(Name = "page")] int? Page = null,
    [FromQuery(Name = "pageSize")] int? PageSize = null);

public static class OfferSearchEndpoint
{
    // "Today" for the next dates is the Dutch day, whatever the server's zone.
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static async Task<IResult> Search([AsParameters] OfferSearchParameters q, OfferQueries offers,
        LocationQueries locations, OfferTypeQueries offerTypes, Pc4Lookup postcodes, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var area = GeoSearch.Resolve(v, postcodes, q.Postcode, q.Lat, q.Lon, q.Radius);
        if (q.Theme is not null) v.Code("theme", q.Theme, OffersCodes.Themes);
        if (q.TargetGroup is not null) v.Code("targetGroup", q.TargetGroup, OffersCodes.TargetGroups);
        if (q.OfferType is not null && await offerTypes.Find(q.OfferType, ct) is null)
            v.Unknown("offerType", $"Onbekende aanbodsoort '{q.OfferType}'.");
        if (q.From is { } from && q.To is { } to && to < from) v.Add("to", InvalidParamCodes.OutOfRange, "Ligt vóór from.");
        var paging = Paging.Read(v, q.Page, q.PageSize);
        if (v.HasErrors) return v.Problem(v.Errors.Any(e => e.Code == "unavailable") ? GeoSearch.PostcodeUnavailable : null);

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
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);
        var nearestLocations = (await locations.Load(page.Where(m => m.Nearest is not null).Select(m => m.Nearest!.LocationId).Distinct().ToList(), ct))
            .ToDictionary(l => l.Location.LocationId, l => l.Location);
        var hits = page.Select(m => new OfferHit(
            m.Nearest?.RoundedMeters,
            m.Nearest is { } n && nearestLocations.TryGetValue(n.LocationId, out var l)
                ? new NearestLocationView(l.LocationId, l.Facts.Name, l.Facts.Address.City, l.Facts.Address.Postcode)
                : null,
            OfferView.From(new Offer(m.Candidate.OfferId, m.Candidate.OrganisationId, m.Candidate.Content, OfferStatus.Published)),
            ScheduleCalendar.Dates(m.Candidate.Content, today, null).Take(OfferHit.NextDatesShown).ToList())).ToList();
        return paging.Result(http, hits, matching.Count);
    }

    /// <summary>The offer's location nearest to the point (equal distances: the lowest id).</summary>
    private static RankedLocation? Nearest(OfferCandidate candidate, IReadOnlyDictionary<string, RankedLocation> near) =>
        candidate.LocationIds.Select(id => near.GetValueOrDefault(id)).OfType<RankedLocation>()
            .OrderBy(r => r.DistanceMeters).ThenBy(r => r.LocationId, StringComparer.Ordinal).FirstOrDefault();
}

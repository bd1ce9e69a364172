using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.SearchOffers;

/// <summary>
/// Query of GET /offers: published offers only. With a postcode or lat/lon, hits are nearest first
/// (ties by offer id) and each carries its nearest location and the distance to it; without, by offer id.
/// <c>from</c>/<c>to</c> keep offers that take place at least once in that period.
/// </summary>
public sealed record SearchOffersParameters(
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

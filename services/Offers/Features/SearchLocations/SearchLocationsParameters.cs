using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.SearchLocations;

/// <summary>Query of GET /locations. With a postcode or lat/lon, hits are nearest first (ties by id), else by id.</summary>
public sealed record SearchLocationsParameters(
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

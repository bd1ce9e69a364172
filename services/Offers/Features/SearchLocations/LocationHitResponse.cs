using IdoPlatform.Offers.Features.Locations;

namespace IdoPlatform.Offers.Features.SearchLocations;

/// <summary>One hit of a location search; <c>distanceMeters</c> is null when the search had no point.</summary>
public sealed record LocationHitResponse(int? DistanceMeters, LocationResponse Location);

using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Offers.Features.Locations;

/// <summary>The answers the location use cases share when a location is missing or not the caller's.</summary>
public static class LocationProblems
{
    public static string NotFoundText(string locationId) => $"Locatie {locationId} bestaat niet.";

    public static IResult NotFound(string locationId) => Problems.NotFound(NotFoundText(locationId));

    public static IResult NotYours() => Problems.Forbidden("U beheert alleen de locaties van uw eigen organisatie.");
}

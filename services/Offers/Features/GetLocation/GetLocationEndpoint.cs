using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.GetLocation;

public static class GetLocationEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/locations/{locationId}", Handle)
        .AllowAnonymous()
        .WithTags(OffersApi.Tags.Locations)
        .WithName("getLocation")
        .WithSummary("Eén locatie")
        .WithDescription("Een gesloten of verborgen locatie alleen voor wie haar beheert; een id dat geen locatie-id is (NL-123456-0001) " +
            "geeft 404. De ETag is de versie; stuur hem mee als If-Match bij een wijziging.")
        .Produces<LocationResponse>();

    private static async Task<IResult> Handle(string locationId, CurrentAccount? account, LocationQueries locations,
        HttpContext http, CancellationToken ct)
    {
        var found = LocationId.IsValid(locationId) ? await locations.Find(locationId, ct) : null;
        if (found is not { } f || (!f.Location.IsPubliclyVisible && !OffersAccess.CanManage(account, f.Location.OrganisationId)))
            return Problems.NotFound($"Locatie {locationId} bestaat niet of is niet zichtbaar.");
        ETags.Set(http.Response, f.Version);
        return TypedResults.Ok(LocationResponse.From(f.Location));
    }
}

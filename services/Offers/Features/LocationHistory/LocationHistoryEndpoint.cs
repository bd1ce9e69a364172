using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;

namespace IdoPlatform.Offers.Features.LocationHistory;

public static class LocationHistoryEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/locations/{locationId}/history", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Locations)
        .WithName("getLocationHistory")
        .WithSummary("De gebeurtenissen van een locatie")
        .WithDescription("Elke gebeurtenis met versie, tijdstip, account, reden en de velden die ze veranderde, voor wie de locatie beheert.")
        .Produces<IReadOnlyList<HistoryEntry>>();

    private static async Task<IResult> Handle(string locationId, CurrentAccount account, EventStreams streams, CancellationToken ct)
    {
        var events = LocationId.IsValid(locationId) ? await streams.History(LocationId.StreamId(locationId), ct) : [];
        var state = streams.Fold<Location>(null, events.Select(e => e.Data));
        if (state is null) return Problems.NotFound(LocationProblems.NotFoundText(locationId));
        if (!OffersAccess.CanManage(account, state.OrganisationId)) return Problems.Forbidden("Dit is niet een locatie van uw organisatie.");
        return TypedResults.Ok(HistoryEntry.From<Location>(events, streams, LocationResponse.From, data => (data as LocationClosed)?.Reason));
    }
}

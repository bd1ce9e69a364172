using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Features.OfferHistory;

public static class OfferHistoryEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/offers/{offerId}/history", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Offers)
        .WithName("getOfferHistory")
        .WithSummary("De gebeurtenissen van een aanbod")
        .WithDescription("Elke gebeurtenis met versie, tijdstip, account, reden en de velden die ze veranderde, voor wie het aanbod beheert.")
        .Produces<IReadOnlyList<HistoryEntry>>();

    private static async Task<IResult> Handle(Guid offerId, CurrentAccount account, EventStreams streams, CancellationToken ct)
    {
        var events = await streams.History(offerId, ct);
        var state = streams.Fold<Offer>(null, events.Select(e => e.Data));
        if (state is null) return Problems.NotFound(OfferProblems.NotFoundText(offerId));
        if (!OffersAccess.CanManage(account, state.OrganisationId)) return Problems.Forbidden("Dit is geen aanbod van uw organisatie.");
        return TypedResults.Ok(HistoryEntry.From<Offer>(events, streams, OfferResponse.From, data => (data as OfferWithdrawn)?.Reason));
    }
}

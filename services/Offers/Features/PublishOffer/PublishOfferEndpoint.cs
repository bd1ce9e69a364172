using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.PublishOffer;

public static class PublishOfferEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/offers/{offerId}/publication", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Offers)
        .WithName("publishOffer")
        .WithSummary("Publiceer een concept-aanbod (If-Match)")
        .WithDescription("Alleen een concept waarvan alle locaties open zijn en de geldigheid niet voorbij is; anders 409.")
        .Produces<OfferResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch();

    private static async Task<IResult> Handle(Guid offerId, CurrentAccount account, EventStreams streams, LocationQueries locations,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<Offer>(offerId, async (state, _) =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(OfferProblems.NotYours());
            var known = await locations.FindMany(state.Content.LocationIds, ct);
            var closed = state.Content.LocationIds.Where(id => !known.TryGetValue(id, out var l) || l.IsClosed).ToList();
            return OfferDecisions.Publish(state, DutchCalendar.Today(clock), closed);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, OfferProblems.NotFoundText(offerId), OfferResponse.From);
    }
}

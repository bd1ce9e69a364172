using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.ChangeOffer;

public static class ChangeOfferEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPut("/offers/{offerId}", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Offers)
        .WithName("changeOffer")
        .WithSummary("Wijzig een aanbod (If-Match)")
        .WithDescription("Een bibliotheekbeheerder wijzigt alleen aanbod van de eigen organisatie; een aanbod verhuist niet naar een andere organisatie.")
        .Produces<OfferResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch();

    private static async Task<IResult> Handle(Guid offerId, ChangeOfferRequest request, CurrentAccount account, EventStreams streams,
        LocationQueries locations, OfferTypeQueries offerTypes, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<Offer>(offerId, async (state, _) =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(OfferProblems.NotYours());
            var v = new Validator();
            if (request.OrganisationId is { } moved && moved != state.OrganisationId)
                v.Invalid("organisationId", "Een aanbod verhuist niet naar een andere organisatie.");
            var context = await OfferValidationContext.LookUp(request, state.OrganisationId, locations, offerTypes, ct);
            var (content, errors) = request.Validate(context, v);
            return errors.HasErrors ? Decision.Stop(errors.Problem()) : OfferDecisions.Change(state, content!);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, OfferProblems.NotFoundText(offerId), OfferResponse.From);
    }
}

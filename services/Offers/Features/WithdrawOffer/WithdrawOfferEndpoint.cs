using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.WithdrawOffer;

public static class WithdrawOfferEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/offers/{offerId}/withdrawal", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Offers)
        .WithName("withdrawOffer")
        .WithSummary("Trek een aanbod in (If-Match)")
        .WithDescription("Intrekken is definitief: het aanbod verdwijnt uit het zoeken en wordt niet opnieuw gepubliceerd; nogmaals intrekken geeft 409.")
        .Produces<OfferResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch();

    private static async Task<IResult> Handle(Guid offerId, [FromBody] WithdrawOfferRequest? request, CurrentAccount account,
        EventStreams streams, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<Offer>(offerId, state =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(OfferProblems.NotYours());
            var v = new Validator();
            v.MaxLength("reason", request?.Reason, 500);
            return v.HasErrors ? Decision.Stop(v.Problem()) : OfferDecisions.Withdraw(state, request?.Reason?.Trim());
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, OfferProblems.NotFoundText(offerId), OfferResponse.From);
    }
}

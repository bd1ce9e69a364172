using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.DraftOffer;

public static class DraftOfferEndpoint
{
    /// <summary>Name space of the offer ids derived from an Idempotency-Key.</summary>
    private static readonly Guid IdempotentIds = Guid.Parse("9d2e7c41-3b6a-4f08-a5c9-1e4d8b2f6a73");

    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/offers", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithIdempotency()
        .WithTags(OffersApi.Tags.Offers)
        .WithName("draftOffer")
        .WithSummary("Maak een concept-aanbod; wat ontbreekt komt uit de aanbodsoort")
        .WithDescription("Een bibliotheekbeheerder maakt alleen aanbod van de eigen organisatie, op haar eigen open locaties. " +
            "Met een Idempotency-Key geeft een herhaald verzoek het eerste antwoord, nooit een tweede concept.")
        .Produces<OfferResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(DraftOfferRequest request, CurrentAccount account, EventStreams streams,
        OrganisationQueries organisations, LocationQueries locations, OfferTypeQueries offerTypes, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var organisationId = request.OrganisationId ?? account.OrganisationId;
        if (organisationId is null) v.Missing("organisationId");
        else if (await organisations.Find(organisationId.Value, ct) is null)
            v.Unknown("organisationId", $"Onbekende organisatie {organisationId}.");
        var context = await OfferValidationContext.LookUp(request, v.HasErrors ? null : organisationId, locations, offerTypes, ct);
        var (content, errors) = request.Validate(context, v);
        if (errors.HasErrors) return errors.Problem();
        if (!OffersAccess.CanManage(account, organisationId!.Value)) return OfferProblems.NotYours();

        // With an Idempotency-Key the id comes from the account and the key: a retry whose first answer was never
        // stored (the instance died right after the append) finds the offer instead of drafting a second.
        var key = http.Request.Headers[ApiHeaders.IdempotencyKey].ToString();
        var offerId = key.Length == 0 ? Guid.CreateVersion7() : DeterministicGuid.Create(IdempotentIds, $"{account.AccountId}/{key}");
        var decision = OfferDecisions.Draft(null, offerId, organisationId.Value, content!);
        Offer offer;
        long version;
        try
        {
            version = await streams.Start<Offer>(offerId, decision.Events, RequestAppendContext.For(http, account), ct);
            offer = streams.Fold<Offer>(null, decision.Events)!;
        }
        catch (ConcurrencyException) when (key.Length > 0)
        {
            var first = (await streams.Load<Offer>(offerId, ct))!;
            (offer, version) = (first.State, first.Version);
        }
        ETags.Set(http.Response, version);
        return TypedResults.Created(OffersApi.OfferPath(offerId), OfferResponse.From(offer));
    }
}

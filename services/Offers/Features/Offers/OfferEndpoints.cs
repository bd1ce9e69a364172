using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Domain;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.Offers.Http;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.Offers;

public sealed record WithdrawOfferRequest(string? Reason = null);

public static class OfferEndpoints
{
    /// <summary>Name space of the offer ids derived from an Idempotency-Key.</summary>
    private static readonly Guid IdempotentIds = Guid.Parse("9d2e7c41-3b6a-4f08-a5c9-1e4d8b2f6a73");

    public static void MapOffers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/offers").WithTags("Aanbod");

        group.MapGet("", OfferSearchEndpoint.Search).AllowAnonymous()
            .WithName("searchOffers").WithSummary("Zoek gepubliceerd aanbod, op afstand van een postcode of punt")
            .Produces<Paged<OfferHit>>().ProducesProblem(400);

        group.MapGet("/{offerId:guid}", Get).AllowAnonymous()
            .WithName("getOffer").WithSummary("Eén aanbod (concepten alleen voor de eigen organisatie)")
            .Produces<OfferView>().ProducesProblem(400).ProducesProblem(404);

        group.MapGet("/{offerId:guid}/history", History).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithName("getOfferHistory").WithSummary("De gebeurtenissen van een aanbod")
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        group.MapPost("", Draft).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin).WithIdempotency()
            .WithName("draftOffer").WithSummary("Maak een concept-aanbod; wat ontbreekt komt uit de aanbodsoort")
            .Produces<OfferView>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        group.MapPut("/{offerId:guid}", Change).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithName("changeOffer").WithSummary("Wijzig een aanbod (If-Match)")
            .Produces<OfferView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(412).ProducesProblem(428);

        group.MapPost("/{offerId:guid}/publish", Publish).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithName("publishOffer").WithSummary("Publiceer een concept-aanbod (If-Match)")
            .Produces<OfferView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(412).ProducesProblem(428);

        group.MapPost("/{offerId:guid}/withdraw", Withdraw).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithName("withdrawOffer").WithSummary("Trek een aanbod in (If-Match)")
            .Produces<OfferView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(412).ProducesProblem(428);
    }

    private static async Task<IResult> Get(Guid offerId, CurrentAccount? account, OfferQueries offers, HttpContext http,
        CancellationToken ct)
    {
        var found = await offers.Find(offerId, ct);
        if (found is not { } f || (f.Offer.Status != OfferStatus.Published && !OffersAccess.CanManage(account, f.Offer.OrganisationId)))
            return Problems.NotFound($"Aanbod {offerId} bestaat niet of is niet gepubliceerd.");
        ETags.Set(http.Response, f.Version);
        return TypedResults.Ok(OfferView.From(f.Offer));
    }

    private static async Task<IResult> History(Guid offerId, CurrentAccount account, EventStreams streams, CancellationToken ct)
    {
        var events = await streams.History(offerId, ct);
        var state = streams.Fold<Offer>(null, events.Select(e => e.Data));
        if (state is null) return Problems.NotFound(NotFoundText(offerId));
        if (!OffersAccess.CanManage(account, state.OrganisationId)) return Problems.Forbidden("Dit is geen aanbod van uw organisatie.");
        return TypedResults.Ok(HistoryEntry.From(events));
    }

    private static async Task<IResult> Draft(OfferRequest request, CurrentAccount account, EventStreams streams,
        OrganisationQueries organisations, LocationQueries locations, OfferTypeQueries offerTypes, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var organisationId = request.OrganisationId ?? account.OrganisationId;
        if (organisationId is null) v.Missing("organisationId");
        else if (await organisations.Find(organisationId.Value, ct) is null)
            v.Unknown("organisationId", $"Onbekende organisatie {organisationId}.");
        var context = await Context(request, v.HasErrors ? null : organisationId, locations, offerTypes, ct);
        var (content, errors) = request.Validate(context, v);
        if (errors.HasErrors) return errors.Problem();
        if (!OffersAccess.CanManage(account, organisationId!.Value)) return NotYours();

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
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{offerId}", OfferView.From(offer));
    }

    private static async Task<IResult> Change(Guid offerId, OfferRequest request, CurrentAccount account, EventStreams streams,
        LocationQueries locations, OfferTypeQueries offerTypes, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<Offer>(offerId, async (state, _) =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(NotYours());
            var v = new Validator();
            if (request.OrganisationId is { } moved && moved != state.OrganisationId)
                v.Invalid("organisationId", "Een aanbod verhuist niet naar een andere organisatie.");
            var context = await Context(request, state.OrganisationId, locations, offerTypes, ct);
            var (content, errors) = request.Validate(context, v);
            return errors.HasErrors ? Decision.Stop(errors.Problem()) : OfferDecisions.Change(state, content!);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, NotFoundText(offerId), OfferView.From);
    }

    private static async Task<IResult> Publish(Guid offerId, CurrentAccount account, EventStreams streams, LocationQueries locations,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<Offer>(offerId, async (state, _) =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(NotYours());
            var known = await locations.FindMany(state.Content.LocationIds, ct);
            var closed = state.Content.LocationIds.Where(id => !known.TryGetValue(id, out var l) || l.IsClosed).ToList();
            var today = DutchCalendar.Today(clock);
            return OfferDecisions.Publish(state, today, closed);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, NotFoundText(offerId), OfferView.From);
    }

    private static async Task<IResult> Withdraw(Guid offerId, [FromBody] WithdrawOfferRequest? request, CurrentAccount account,
        EventStreams streams, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<Offer>(offerId, state =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(NotYours());
            var v = new Validator();
            v.MaxLength("reason", request?.Reason, 500);
            return v.HasErrors ? Decision.Stop(v.Problem()) : OfferDecisions.Withdraw(state, request?.Reason?.Trim());
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, NotFoundText(offerId), OfferView.From);
    }

    /// <summary>The offer type and the named locations, looked up so the validation itself stays pure.</summary>
    private static async Task<OfferValidationContext> Context(OfferRequest request, Guid? organisationId, LocationQueries locations,
        OfferTypeQueries offerTypes, CancellationToken ct)
    {
        var type = string.IsNullOrWhiteSpace(request.OfferType) ? null : (await offerTypes.Find(request.OfferType, ct))?.Type;
        var ids = (request.LocationIds ?? []).Where(LocationId.IsValid).Select(id => id!).Take(OfferRequest.MaxLocations + 1);
        return new OfferValidationContext(organisationId, type, await locations.FindMany(ids, ct));
    }

    private static string NotFoundText(Guid offerId) => $"Aanbod {offerId} bestaat niet.";

    private static IResult NotYours() => Problems.Forbidden("U beheert alleen het aanbod van uw eigen organisatie.");
}

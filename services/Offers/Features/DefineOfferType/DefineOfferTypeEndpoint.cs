using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Features.OfferTypes;

namespace IdoPlatform.Offers.Features.DefineOfferType;

public static class DefineOfferTypeEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/offer-types", Handle)
        .RequireRoles(Roles.PlatformAdmin)
        .WithIdempotency()
        .WithTags(OffersApi.Tags.OfferTypes)
        .WithName("defineOfferType")
        .WithSummary("Voeg een aanbodsoort toe (versie 1)")
        .WithDescription("Een code die al bestaat geeft 409.")
        .Produces<OfferTypeResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(DefineOfferTypeRequest request, CurrentAccount account, EventStreams streams,
        HttpContext http, CancellationToken ct)
    {
        var (definition, errors) = request.Validate(requireCode: true);
        if (errors.HasErrors) return errors.Problem();
        var code = request.Code!;
        var decision = OfferTypeDecisions.Define(null, code, definition!.Name, definition.Description, definition.Defaults);
        // Starting an existing stream fails as a concurrency conflict: the code is taken (409).
        var version = await streams.Start<OfferType>(OfferType.StreamId(code), decision.Events, RequestAppendContext.For(http, account), ct);
        var created = streams.Fold<OfferType>(null, decision.Events)!;
        ETags.Set(http.Response, version);
        return TypedResults.Created(OffersApi.OfferTypePath(code), OfferTypeResponse.From(code, created.Current, 1));
    }
}

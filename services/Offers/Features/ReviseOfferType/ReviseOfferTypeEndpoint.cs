using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Features.OfferTypes;

namespace IdoPlatform.Offers.Features.ReviseOfferType;

public static class ReviseOfferTypeEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPut("/offer-types/{code}", Handle)
        .RequireRoles(Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.OfferTypes)
        .WithName("reviseOfferType")
        .WithSummary("Maak een nieuwe versie van een aanbodsoort (If-Match)")
        .WithDescription("Bestaand aanbod houdt de versie waarmee het is gemaakt.")
        .Produces<OfferTypeResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch();

    private static async Task<IResult> Handle(string code, ReviseOfferTypeRequest request, CurrentAccount account, EventStreams streams,
        HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<OfferType>(OfferType.StreamId(code), state =>
        {
            var (definition, errors) = request.Validate(requireCode: false);
            if (request.Code is not null && request.Code != code) errors.Add("code", InvalidParamCodes.Invalid, "De code van een aanbodsoort verandert niet.");
            return errors.HasErrors
                ? Decision.Stop(errors.Problem())
                : OfferTypeDecisions.Revise(state, definition!.Name, definition.Description, definition.Defaults);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, $"Aanbodsoort '{code}' bestaat niet.", t => OfferTypeResponse.From(code, t.Current, t.Current.Version));
    }
}

using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.GetOfferTypeVersion;

public static class GetOfferTypeVersionEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/offer-types/{code}/versions/{version}", Handle)
        .AllowAnonymousBehindGateway()
        .WithTags(OffersApi.Tags.OfferTypes)
        .WithName("getOfferTypeVersion")
        .WithSummary("Een eerdere versie van een aanbodsoort")
        .WithDescription("Aanbod houdt de versie van zijn aanbodsoort vast; hiermee is die versie terug te lezen.")
        .Produces<OfferTypeResponse>();

    private static async Task<IResult> Handle(string code, int version, OfferTypeQueries offerTypes, CancellationToken ct)
    {
        if (await offerTypes.Find(code, ct) is not { } found || found.Type.Version(version) is not { } definition)
            return Problems.NotFound($"Aanbodsoort '{code}' versie {version} bestaat niet.");
        return TypedResults.Ok(OfferTypeResponse.From(code, definition, found.Type.Current.Version));
    }
}

using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.GetOfferType;

public static class GetOfferTypeEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/offer-types/{code}", Handle)
        .AllowAnonymousBehindGateway()
        .WithTags(OffersApi.Tags.OfferTypes)
        .WithName("getOfferType")
        .WithSummary("De laatste versie van een aanbodsoort")
        .WithDescription("De ETag is de versie van de aanbodsoort; stuur hem mee als If-Match bij een nieuwe versie.")
        .Produces<OfferTypeResponse>();

    private static async Task<IResult> Handle(string code, OfferTypeQueries offerTypes, HttpContext http, CancellationToken ct)
    {
        if (await offerTypes.Find(code, ct) is not { } found) return Problems.NotFound($"Aanbodsoort '{code}' bestaat niet.");
        ETags.Set(http.Response, found.StreamVersion);
        return TypedResults.Ok(OfferTypeResponse.From(code, found.Type.Current, found.Type.Current.Version));
    }
}

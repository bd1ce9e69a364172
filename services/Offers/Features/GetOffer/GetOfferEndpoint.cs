using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.GetOffer;

public static class GetOfferEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/offers/{offerId}", Handle)
        .AllowAnonymous()
        .WithTags(OffersApi.Tags.Offers)
        .WithName("getOffer")
        .WithSummary("Eén aanbod (concepten alleen voor de eigen organisatie)")
        .WithDescription("De ETag is de versie; stuur hem mee als If-Match bij een wijziging, publicatie of intrekking.")
        .Produces<OfferResponse>();

    private static async Task<IResult> Handle(Guid offerId, CurrentAccount? account, OfferQueries offers, HttpContext http,
        CancellationToken ct)
    {
        var found = await offers.Find(offerId, ct);
        if (found is not { } f || (f.Offer.Status != OfferStatus.Published && !OffersAccess.CanManage(account, f.Offer.OrganisationId)))
            return Problems.NotFound($"Aanbod {offerId} bestaat niet of is niet gepubliceerd.");
        ETags.Set(http.Response, f.Version);
        return TypedResults.Ok(OfferResponse.From(f.Offer));
    }
}

using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Offers.Features.Offers;

/// <summary>The answers the offer use cases share when an offer is missing or not the caller's.</summary>
public static class OfferProblems
{
    public static string NotFoundText(Guid offerId) => $"Aanbod {offerId} bestaat niet.";

    public static IResult NotYours() => Problems.Forbidden("U beheert alleen het aanbod van uw eigen organisatie.");
}

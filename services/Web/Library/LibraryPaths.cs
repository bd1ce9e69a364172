namespace IdoPlatform.Web.Library;

/// <summary>Every offers-API address the library admins' pages call, in one place; state changes are nouns posted to
/// the resource (<c>…/closing</c>, <c>…/publication</c>, <c>…/withdrawal</c>).</summary>
public static class LibraryPaths
{
    private const string Base = "offers/v1";

    public static string OwnLocations(Guid organisationId) =>
        $"{Base}/locations?organisationId={organisationId}&includeClosed=true&pageSize=100";

    public static string Location(string locationId) => $"{Base}/locations/{Uri.EscapeDataString(locationId)}";
    public static string LocationHistory(string locationId) => $"{Location(locationId)}/history";
    public static string LocationClosing(string locationId) => $"{Location(locationId)}/closing";

    public static string OwnOffers(Guid organisationId) => $"{Base}/organisations/{organisationId}/offers?pageSize=100";
    public static string Offers => $"{Base}/offers";
    public static string Offer(Guid offerId) => $"{Base}/offers/{offerId}";
    public static string OfferHistory(Guid offerId) => $"{Offer(offerId)}/history";
    public static string OfferPublication(Guid offerId) => $"{Offer(offerId)}/publication";
    public static string OfferWithdrawal(Guid offerId) => $"{Offer(offerId)}/withdrawal";

    public static string OfferTypes => $"{Base}/offer-types?pageSize=100";
    public static string CodeLists => $"{Base}/code-lists";
}

using IdoPlatform.Offers.Features.ChangeLocation;
using IdoPlatform.Offers.Features.ChangeOffer;
using IdoPlatform.Offers.Features.ChangeOrganisation;
using IdoPlatform.Offers.Features.CloseLocation;
using IdoPlatform.Offers.Features.CodeLists;
using IdoPlatform.Offers.Features.DefineOfferType;
using IdoPlatform.Offers.Features.DraftOffer;
using IdoPlatform.Offers.Features.GetLocation;
using IdoPlatform.Offers.Features.GetOffer;
using IdoPlatform.Offers.Features.GetOfferType;
using IdoPlatform.Offers.Features.GetOfferTypeVersion;
using IdoPlatform.Offers.Features.GetOrganisation;
using IdoPlatform.Offers.Features.ListOfferTypes;
using IdoPlatform.Offers.Features.ListOrganisationOffers;
using IdoPlatform.Offers.Features.ListOrganisations;
using IdoPlatform.Offers.Features.LocationHistory;
using IdoPlatform.Offers.Features.OfferHistory;
using IdoPlatform.Offers.Features.PublishOffer;
using IdoPlatform.Offers.Features.RegisterLocation;
using IdoPlatform.Offers.Features.RegisterOrganisation;
using IdoPlatform.Offers.Features.ReviseOfferType;
using IdoPlatform.Offers.Features.SearchLocations;
using IdoPlatform.Offers.Features.SearchOffers;
using IdoPlatform.Offers.Features.WithdrawOffer;

namespace IdoPlatform.Offers;

public static class OffersApi
{
    public const string BasePath = "/offers/v1";

    /// <summary>The OpenAPI tags, one per kind of resource.</summary>
    public static class Tags
    {
        public const string Organisations = "Organisaties";
        public const string Locations = "Locaties";
        public const string OfferTypes = "Aanbodsoorten";
        public const string Offers = "Aanbod";
        public const string CodeLists = "Codelijsten";
    }

    public static string OrganisationPath(Guid organisationId) => $"{BasePath}/organisations/{organisationId}";
    public static string LocationPath(string locationId) => $"{BasePath}/locations/{Uri.EscapeDataString(locationId)}";
    public static string OfferTypePath(string code) => $"{BasePath}/offer-types/{Uri.EscapeDataString(code)}";
    public static string OfferPath(Guid offerId) => $"{BasePath}/offers/{offerId}";

    public static RouteGroupBuilder MapOffersApi(this RouteGroupBuilder api)
    {
        ListOrganisationsEndpoint.Map(api);
        GetOrganisationEndpoint.Map(api);
        RegisterOrganisationEndpoint.Map(api);
        ChangeOrganisationEndpoint.Map(api);

        SearchLocationsEndpoint.Map(api);
        GetLocationEndpoint.Map(api);
        LocationHistoryEndpoint.Map(api);
        RegisterLocationEndpoint.Map(api);
        ChangeLocationEndpoint.Map(api);
        CloseLocationEndpoint.Map(api);

        ListOfferTypesEndpoint.Map(api);
        GetOfferTypeEndpoint.Map(api);
        GetOfferTypeVersionEndpoint.Map(api);
        DefineOfferTypeEndpoint.Map(api);
        ReviseOfferTypeEndpoint.Map(api);

        SearchOffersEndpoint.Map(api);
        GetOfferEndpoint.Map(api);
        OfferHistoryEndpoint.Map(api);
        DraftOfferEndpoint.Map(api);
        ChangeOfferEndpoint.Map(api);
        PublishOfferEndpoint.Map(api);
        WithdrawOfferEndpoint.Map(api);
        ListOrganisationOffersEndpoint.Map(api);

        CodeListsEndpoint.Map(api);
        return api;
    }
}

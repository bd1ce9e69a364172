using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers;

/// <summary>Stable names of the offers service's domain events; never rename one, add a version and an upcaster.</summary>
public static class OffersEventTypes
{
    public static void Register(EventTypeRegistry events) => events
        .Register<OrganisationRegistered>("organisation-registered")
        .Register<OrganisationChanged>("organisation-changed")
        .Register<LocationRegistered>("location-registered")
        .Register<LocationChanged>("location-changed")
        .Register<LocationClosed>("location-closed")
        .Register<OfferTypeDefined>("offer-type-defined")
        .Register<OfferTypeRevised>("offer-type-revised")
        .Register<OfferDrafted>("offer-drafted")
        .Register<OfferChanged>("offer-changed")
        .Register<OfferPublished>("offer-published")
        .Register<OfferWithdrawn>("offer-withdrawn");
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers;

/// <summary>The offers service's one event-type registry: its stream types and the stable names (aliases) of their events.</summary>
public static class OffersEventTypes
{
    public static void Register(EventStoreOptions store)
    {
        store.Aggregate<Organisation>(Organisation.StreamType, o => o.Id, Organisation.Evolve)
            .Aggregate<Location>(Location.StreamType, l => l.Id, Location.Evolve)
            .Aggregate<LocationClaim>(LocationClaim.StreamType, c => c.Id, LocationClaim.Evolve)
            .Aggregate<OfferType>(OfferType.StreamType, t => t.Id, OfferType.Evolve)
            .Aggregate<Offer>(Offer.StreamType, o => o.OfferId, Offer.Evolve);
        RegisterEvents(store.Events);
    }

    /// <summary>Never rename one: add a version and an upcaster.</summary>
    public static void RegisterEvents(EventTypeRegistry events) => events
        .Register<OrganisationRegistered>("organisation-registered")
        .Register<OrganisationChanged>("organisation-changed")
        .Register<LocationRegistered>("location-registered")
        .Register<LocationChanged>("location-changed")
        .Register<LocationClosed>("location-closed")
        .Register<LocationRequestClaimed>("location-request-claimed")
        .Register<OfferTypeDefined>("offer-type-defined")
        .Register<OfferTypeRevised>("offer-type-revised")
        .Register<OfferDrafted>("offer-drafted")
        .Register<OfferChanged>("offer-changed")
        .Register<OfferPublished>("offer-published")
        .Register<OfferWithdrawn>("offer-withdrawn");
}

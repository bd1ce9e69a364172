using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Relay;
using Contract = IdoPlatform.Contracts.Offers;

namespace IdoPlatform.Offers.Tests.Domain;

public class IntegrationEventTests
{
    private static readonly IntegrationEventMap Map = Build();

    private static IntegrationEventMap Build()
    {
        var map = new IntegrationEventMap();
        OffersIntegrationEvents.Configure(map);
        return map;
    }

    private static object? Relay(object domainEvent) => Map.ToMessage(new StoredEvent(1, Guid.NewGuid(), 1, "alias",
        domainEvent, new EventMetadata(Guid.NewGuid(), new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), "tester", null, null)));

    [Fact]
    public void A_registered_location_is_published_with_everything_a_replica_needs()
    {
        var location = Samples.OpenLocation();
        var message = Assert.IsType<Contract.LocationRegistered>(
            Relay(new LocationRegistered(location.LocationId, location.OrganisationId, "Demobibliotheek", location.Facts)));
        var details = message.Location;
        Assert.Equal(("NL-100001-0001", "Demobibliotheek", "GM0546", "Leiden", "Zuid-Holland"),
            (details.LocationId, details.OrganisationName, details.MunicipalityCode, details.MunicipalityName, details.Province));
        Assert.Equal((52.1601, 4.4970), (details.Latitude, details.Longitude));
        Assert.True(details.HasIdo);
        Assert.Equal(2, details.OpeningHours.Count);
    }

    [Fact]
    public void A_closed_location_is_published()
    {
        var message = Assert.IsType<Contract.LocationClosed>(
            Relay(new LocationClosed("NL-100001-0001", Samples.Library, new DateOnly(2026, 11, 23), "Verbouwing")));
        Assert.Equal(("NL-100001-0001", Samples.Library, new DateOnly(2026, 11, 23)), (message.LocationId, message.OrganisationId, message.ClosedOn));
    }

    [Fact]
    public void Drafts_stay_inside_the_service()
    {
        var id = Guid.NewGuid();
        Assert.Null(Relay(new OfferDrafted(id, Samples.Library, Samples.Content())));
        Assert.Null(Relay(new OfferChanged(id, Samples.Library, Samples.Content(), WhilePublished: false)));
        Assert.Null(Relay(new OfferWithdrawn(id, Samples.Library, null, WasPublished: false)));
        Assert.IsType<Contract.OfferChanged>(Relay(new OfferChanged(id, Samples.Library, Samples.Content(), WhilePublished: true)));
        Assert.IsType<Contract.OfferWithdrawn>(Relay(new OfferWithdrawn(id, Samples.Library, null, WasPublished: true)));
    }

    [Fact]
    public void A_published_offer_tells_when_it_takes_place()
    {
        var id = Guid.NewGuid();
        var message = Assert.IsType<Contract.OfferPublished>(Relay(new OfferPublished(id, Samples.Library, Samples.Content())));
        var offer = message.Offer;
        Assert.Equal((id, "ido-inloopspreekuur", 1, "spreekuur"), (offer.OfferId, offer.OfferTypeCode, offer.OfferTypeVersion, offer.Format));
        Assert.Equal([DayOfWeek.Tuesday], offer.RecurringDays);
        Assert.Equal([new DateOnly(2026, 12, 3)], offer.SessionDates);
        Assert.Equal(["NL-100001-0001"], offer.LocationIds);
    }

    [Fact]
    public void A_published_offer_carries_its_whole_schedule_so_referrers_know_which_weeks()
    {
        var content = Samples.Content() with
        {
            Schedule = new Schedule([new Session(new DateOnly(2026, 12, 3), new TimeOnly(10, 0), new TimeOnly(12, 0))],
                [new Recurrence("monthly", DayOfWeek.Wednesday, new TimeOnly(10, 0), new TimeOnly(12, 0),
                    new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30), 1)],
                [new DateOnly(2027, 2, 3)]),
        };
        var offer = Assert.IsType<Contract.OfferPublished>(Relay(new OfferPublished(Guid.NewGuid(), Samples.Library, content))).Offer;
        var schedule = Assert.IsType<Contract.OfferSchedule>(offer.Schedule);
        Assert.Equal([new DateOnly(2026, 12, 3)], schedule.SessionDates);
        Assert.Equal([new Contract.OfferRecurrence("monthly", DayOfWeek.Wednesday, new DateOnly(2026, 1, 1), new DateOnly(2027, 6, 30), 1)],
            schedule.Recurrences);
        Assert.Equal([new DateOnly(2027, 2, 3)], schedule.Exceptions);
        // What a referrer computes from the message is what offers itself shows as the offer's dates.
        Assert.Equal(ScheduleCalendar.Dates(content, new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 31)),
            Contract.OfferCalendar.Dates(schedule, offer.ValidFrom, offer.ValidTo, new DateOnly(2026, 12, 1), new DateOnly(2027, 3, 31)));
    }
}

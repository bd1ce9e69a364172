using IdoPlatform.Contracts.Offers;
using IdoPlatform.Referrals.Features.NearestLocations;
using IdoPlatform.BuildingBlocks.Geo;
using static IdoPlatform.Referrals.Tests.Domain.Samples;

namespace IdoPlatform.Referrals.Tests.Domain;

public class NearestLocationsTests
{
    // Leiden centre (PC4 2311) and places at growing distance.
    private static readonly GeoPoint Leiden = new(52.1594, 4.4903);
    private static readonly DateOnly Thursday = new(2026, 12, 3);

    private static ReplicaLocation At(string id, double lat, double lon, IReadOnlyList<OpeningPeriod>? hours = null,
        DateOnly? closedOn = null, bool hasIdo = true) =>
        new(LocationDetails(id, lat, lon, hours, hasIdo), closedOn);

    private static OfferDetails Offer(string locationId, string theme, IReadOnlyList<DayOfWeek> days,
        IReadOnlyList<DateOnly>? dates = null, DateOnly? validTo = null) =>
        new(Guid.NewGuid(), OrganisationId, [locationId], "ido-inloopspreekuur", 1, $"Spreekuur {theme}", "spreekuur",
            [theme], ["iedereen"], true, ["toeslagen"], null, validTo, days, dates ?? [],
            new OfferSchedule(dates ?? [], Weekly([.. days]).Recurrences, []));

    [Fact]
    public void Locations_come_in_distance_order_limited()
    {
        var locations = new[]
        {
            At("NL-000003-0001", 52.3731, 4.8926), // Amsterdam
            At("NL-000001-0001", 52.1601, 4.4970), // Leiden
            At("NL-000002-0001", 52.0705, 4.3007), // Den Haag
        };
        var result = NearestLocations.Select(Leiden, Thursday, null, 2, locations, []);
        Assert.Equal(["NL-000001-0001", "NL-000002-0001"], result.Select(r => r.Location.LocationId));
        Assert.True(result[0].DistanceMeters < result[1].DistanceMeters);
    }

    [Fact]
    public void Only_locations_open_that_weekday_with_a_running_ido_count()
    {
        var weekdaysOnly = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday }
            .Select(d => new OpeningPeriod(d, new TimeOnly(9, 0), new TimeOnly(12, 0))).ToList();
        var locations = new[]
        {
            At("NL-000001-0001", 52.1601, 4.4970, hours: weekdaysOnly), // closed on Thursdays
            At("NL-000001-0002", 52.1602, 4.4971, closedOn: Thursday),   // closed for good
            At("NL-000001-0003", 52.1603, 4.4972, hasIdo: false),        // no IDO
            At("NL-000001-0004", 52.1604, 4.4973, closedOn: Thursday.AddDays(1)), // still open that day
        };
        var result = NearestLocations.Select(Leiden, Thursday, null, 5, locations, []);
        Assert.Equal("NL-000001-0004", Assert.Single(result).Location.LocationId);

        var monday = NearestLocations.Select(Leiden, new DateOnly(2026, 11, 30), null, 5, locations, []);
        Assert.Contains(monday, r => r.Location.LocationId == "NL-000001-0001");
        Assert.Equal([new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0))],
            monday.Single(r => r.Location.LocationId == "NL-000001-0001").OpeningHoursOnDay);
    }

    [Fact]
    public void Matching_offers_fit_the_topic_and_run_that_day()
    {
        var location = At("NL-000001-0001", 52.1601, 4.4970);
        var fits = Offer("NL-000001-0001", "toeslagen", [DayOfWeek.Thursday]);
        var otherTopic = Offer("NL-000001-0001", "digid", [DayOfWeek.Thursday]);
        var otherDay = Offer("NL-000001-0001", "toeslagen", [DayOfWeek.Friday]);
        var session = Offer("NL-000001-0001", "toeslagen", [], dates: [Thursday]);
        var ended = Offer("NL-000001-0001", "toeslagen", [DayOfWeek.Thursday], validTo: Thursday.AddDays(-1));
        var elsewhere = Offer("NL-000009-0001", "toeslagen", [DayOfWeek.Thursday]);

        var result = NearestLocations.Select(Leiden, Thursday, "toeslagen", 5, [location],
            [fits, otherTopic, otherDay, session, ended, elsewhere]);
        Assert.Equal(new[] { fits.OfferId, session.OfferId }.Order(), Assert.Single(result).MatchingOffers.Select(o => o.OfferId).Order());
    }
}

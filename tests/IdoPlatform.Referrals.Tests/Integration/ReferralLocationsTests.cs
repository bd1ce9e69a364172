using System.Net;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Referrals.Replica;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using IdoPlatform.Referrals.Features.NearestLocations;

namespace IdoPlatform.Referrals.Tests.Integration;

[Collection(ReferralsCollection.Name)]
public class ReferralLocationsTests(ReferralsApp app)
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private static readonly DateOnly Thursday = new(2026, 12, 3);

    private async Task<ReferralLocationsResponse> WaitForLookup(HttpClient client, string query, params string[] expectedIds) =>
        await Eventually.Get(async () =>
            {
                var response = await client.GetAsync($"/referrals/v1/referral-locations?{query}");
                return await response.Read<ReferralLocationsResponse>();
            },
            r => expectedIds.All(id => r.Locations.Any(l => l.LocationId == id)),
            $"look-up '{query}' lists {string.Join(", ", expectedIds)}");

    [Fact]
    public async Task Lists_the_nearest_open_locations_in_distance_order_with_matching_offers()
    {
        var leiden = Places.NewLocationId();
        var denHaag = Places.NewLocationId();
        var amsterdam = Places.NewLocationId();
        var closedOnThursdays = Places.NewLocationId();
        var closedForGood = Places.NewLocationId();
        var withoutIdo = Places.NewLocationId();

        await app.Publish(new LocationRegistered(Places.Location(amsterdam, Organisation, 52.3731, 4.8926), DateTimeOffset.UtcNow));
        await app.Publish(new LocationRegistered(Places.Location(denHaag, Organisation, 52.0800, 4.3100), DateTimeOffset.UtcNow));
        await app.Publish(new LocationRegistered(Places.Location(leiden, Organisation, 52.1601, 4.4970), DateTimeOffset.UtcNow));
        await app.Publish(new LocationRegistered(
            Places.Location(closedOnThursdays, Organisation, 52.1602, 4.4971, Places.Every(DayOfWeek.Monday)), DateTimeOffset.UtcNow));
        await app.Publish(new LocationRegistered(Places.Location(closedForGood, Organisation, 52.1603, 4.4972), DateTimeOffset.UtcNow));
        var closure = Guid.NewGuid();
        await app.Publish(new LocationClosed(closedForGood, Organisation, new DateOnly(2026, 6, 1), DateTimeOffset.UtcNow), closure);
        await app.Publish(new LocationRegistered(
            Places.Location(withoutIdo, Organisation, 52.1604, 4.4973, hasIdo: false), DateTimeOffset.UtcNow));

        var toeslagenSpreekuur = new OfferDetails(Guid.NewGuid(), Organisation, [leiden, amsterdam], "ido-inloopspreekuur", 1,
            "Toeslagenspreekuur", "spreekuur", ["toeslagen"], ["iedereen"], true, ["toeslagen"], null, null,
            [DayOfWeek.Thursday], [], Domain.Samples.Weekly(DayOfWeek.Thursday));
        var digidCursus = new OfferDetails(Guid.NewGuid(), Organisation, [leiden], "digisterker", 1,
            "Digisterker", "cursus", ["digid"], ["iedereen"], false, ["logius"], null, null, [DayOfWeek.Thursday], [],
            Domain.Samples.Weekly(DayOfWeek.Thursday));
        await app.Publish(new OfferPublished(toeslagenSpreekuur, DateTimeOffset.UtcNow));
        await app.Publish(new OfferPublished(digidCursus, DateTimeOffset.UtcNow));

        var client = app.Client(ReferralsApp.Agency("toeslagen"));
        var query = "postcode=2311EZ&topic=toeslagen&openOn=2026-12-03&limit=50";
        var result = await Eventually.Get(async () =>
            {
                var r = await (await client.GetAsync($"/referrals/v1/referral-locations?{query}")).Read<ReferralLocationsResponse>();
                return r.Locations.Any(l => l.LocationId == leiden && l.MatchingOffers.Count > 0) ? r : null;
            }, r => r.Locations.Any(l => l.LocationId == amsterdam), "the replica has the locations and the offer");
        // The closure is consumed concurrently with the registrations: wait for it too before reading the answer.
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await Eventually.Get(async () => await Inbox.WasHandled(dataSource, LocationReplicaConsumer.InboxName, closure) ? "handled" : null,
            _ => true, "the closure was handled");
        result = await (await client.GetAsync($"/referrals/v1/referral-locations?{query}")).Read<ReferralLocationsResponse>();

        var mine = new[] { leiden, denHaag, amsterdam, closedOnThursdays, closedForGood, withoutIdo };
        var ours = result.Locations.Select(l => l.LocationId).Where(mine.Contains).ToList();
        Assert.Equal([leiden, denHaag, amsterdam], ours);
        Assert.Equal(result.Locations.OrderBy(l => l.DistanceMeters).Select(l => l.DistanceMeters), result.Locations.Select(l => l.DistanceMeters));

        var nearest = result.Locations.Single(l => l.LocationId == leiden);
        Assert.InRange(nearest.DistanceMeters, 0, 2_000);
        Assert.Equal((52.1601, 4.4970), (nearest.Latitude, nearest.Longitude)); // for a map beside the list
        Assert.Equal([new OpeningPeriodResponse("10:00", "17:00")], nearest.OpeningHours);
        Assert.Equal(toeslagenSpreekuur.OfferId, Assert.Single(nearest.MatchingOffers).OfferId); // the DigiD course does not fit
        Assert.Equal("2311EZ", result.Postcode);
        Assert.Equal(Thursday, result.OpenOn);

        // On a Monday the location that is only open on Mondays appears, with Monday's hours.
        var monday = await (await client.GetAsync("/referrals/v1/referral-locations?postcode=2311ez&openOn=2026-11-30&limit=50"))
            .Read<ReferralLocationsResponse>();
        Assert.Contains(monday.Locations, l => l.LocationId == closedOnThursdays);
        Assert.DoesNotContain(monday.Locations, l => l.LocationId == closedForGood || l.LocationId == withoutIdo);
        // The offer runs on Thursdays only.
        Assert.Empty(monday.Locations.Single(l => l.LocationId == leiden).MatchingOffers);

        // Withdrawn offers disappear from the look-up.
        await app.Publish(new OfferWithdrawn(toeslagenSpreekuur.OfferId, Organisation, DateTimeOffset.UtcNow));
        await Eventually.Get(async () =>
            {
                var r = await (await client.GetAsync($"/referrals/v1/referral-locations?{query}")).Read<ReferralLocationsResponse>();
                return r.Locations.Single(l => l.LocationId == leiden).MatchingOffers.Count == 0 ? r : null;
            }, _ => true, "the withdrawn offer is gone");
    }

    [Fact]
    public async Task Matching_offers_are_the_ones_that_take_place_that_day_not_every_week_on_that_weekday()
    {
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        async Task Replicate<T>(T message, string inbox) where T : class
        {
            var id = Guid.NewGuid();
            await app.Publish(message, id);
            await Eventually.Get(async () => await Inbox.WasHandled(dataSource, inbox, id) ? "handled" : null, _ => true,
                $"{message} is in the replica");
        }
        var location = Places.NewLocationId();
        await Replicate(new LocationRegistered(Places.Location(location, Organisation, 53.2190, 6.5680), DateTimeOffset.UtcNow),
            LocationReplicaConsumer.InboxName);
        OfferDetails Offer(string title, bool walkIn, OfferSchedule? schedule, IReadOnlyList<DayOfWeek> days) =>
            new(Guid.NewGuid(), Organisation, [location], "digicafe", 1, title, "inloop", ["apparaatgebruik"], ["iedereen"],
                walkIn, [], null, null, days, schedule?.SessionDates ?? [], schedule);
        // As the seeded Digicafé: the first Wednesday of each month.
        var digicafe = Offer("Digicafé", true, new OfferSchedule([],
            [new OfferRecurrence("monthly", DayOfWeek.Wednesday, new DateOnly(2026, 1, 1), null, 1)], []), [DayOfWeek.Wednesday]);
        var tuesdays = Offer("Spreekuur", true, new OfferSchedule([],
            [new OfferRecurrence("weekly", DayOfWeek.Tuesday, new DateOnly(2026, 1, 1), null, null)], [new DateOnly(2026, 12, 8)]),
            [DayOfWeek.Tuesday]);
        var course = Offer("Cursus", false, new OfferSchedule([],
            [new OfferRecurrence("biweekly", DayOfWeek.Wednesday, new DateOnly(2026, 12, 9), new DateOnly(2027, 1, 6), null)], []),
            [DayOfWeek.Wednesday]);
        // From before messages carried the schedule: read as then, weekly on its weekday (Thursday) and on its session date.
        var old = Offer("Oud", true, null, [DayOfWeek.Thursday]) with { SessionDates = [new DateOnly(2026, 12, 16)] };
        foreach (var offer in new[] { digicafe, tuesdays, course, old })
            await Replicate(new OfferPublished(offer, DateTimeOffset.UtcNow), OfferReplicaConsumer.InboxName);

        var client = app.Client(ReferralsApp.Agency("uwv"));
        async Task<IReadOnlyList<string>> On(string day)
        {
            var response = await client.GetAsync(
                $"/referrals/v1/referral-locations?postcode=9711AB&topic=apparaatgebruik&openOn={day}&limit=50");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var found = (await response.Read<ReferralLocationsResponse>()).Locations.Single(l => l.LocationId == location);
            return found.MatchingOffers.Select(o => o.Title).ToList();
        }

        Assert.Equal(["Cursus", "Digicafé"], await On("2027-01-06"));
        Assert.Equal(["Digicafé"], await On("2027-02-03"));
        Assert.Equal(["Cursus"], await On("2026-12-09"));
        Assert.Equal(["Oud"], await On("2026-12-16"));
        Assert.Empty(await On("2027-01-13"));
        Assert.Equal(["Cursus"], await On("2026-12-23"));
        Assert.Empty(await On("2027-01-20")); // after the course's last date
        Assert.Empty(await On("2026-12-08")); // the Tuesday's exception
        Assert.Equal(["Spreekuur"], await On("2026-12-15"));
        Assert.Equal(["Oud"], await On("2026-12-17"));
        Assert.Equal(["Spreekuur"], await On("2999-12-31")); // the last date accepted answers too
    }

    [Fact]
    public async Task The_limit_caps_the_list()
    {
        var client = app.Client(ReferralsApp.Desk(Organisation));
        var ids = Enumerable.Range(0, 3).Select(_ => Places.NewLocationId()).ToArray();
        for (var i = 0; i < ids.Length; i++)
            await app.Publish(new LocationRegistered(Places.Location(ids[i], Organisation, 53.2190 + i * 0.01, 6.5680),
                DateTimeOffset.UtcNow));
        await WaitForLookup(client, "postcode=9711AA&openOn=2026-12-03&limit=50", ids);

        var two = await (await client.GetAsync("/referrals/v1/referral-locations?postcode=9711AA&openOn=2026-12-03&limit=2"))
            .Read<ReferralLocationsResponse>();
        Assert.Equal(2, two.Locations.Count);

        // The area alone (a place name, or what a citizen remembers) searches from the same centre.
        var area = await (await client.GetAsync("/referrals/v1/referral-locations?postcode=9711&openOn=2026-12-03&limit=2"))
            .Read<ReferralLocationsResponse>();
        Assert.Equal(two.Locations.Select(l => (l.LocationId, l.DistanceMeters)), area.Locations.Select(l => (l.LocationId, l.DistanceMeters)));
        Assert.Equal(("9711AA", "9711"), (two.Postcode, area.Postcode));
    }

    [Fact]
    public async Task Bad_query_parameters_are_all_named_at_once()
    {
        var client = app.Client(ReferralsApp.Agency("uwv"));
        var bad = await client.GetAsync("/referrals/v1/referral-locations?postcode=12345&topic=ruimtevaart&openOn=03-12-2026&limit=0");
        Assert.Equal(["postcode", "topic", "openOn", "limit"], await bad.InvalidParams());

        Assert.Equal(["postcode"], await (await client.GetAsync("/referrals/v1/referral-locations")).InvalidParams());
        Assert.Equal(["postcode"], await (await client.GetAsync("/referrals/v1/referral-locations?postcode=0711")).InvalidParams());
        Assert.Equal(["limit"], await (await client.GetAsync("/referrals/v1/referral-locations?postcode=2311EZ&limit=1000")).InvalidParams());
    }

    [Fact]
    public async Task Only_agency_and_desk_accounts_may_look_up()
    {
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await app.Client().GetAsync("/referrals/v1/referral-locations?postcode=2311EZ")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await app.Client(ReferralsApp.Monitor()).GetAsync("/referrals/v1/referral-locations?postcode=2311EZ")).StatusCode);
    }
}

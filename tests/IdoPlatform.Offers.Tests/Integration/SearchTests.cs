using System.Net;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Tests.Integration;

[Collection(OffersCollection.Name)]
public class SearchTests(OffersApp app)
{
    // PC4 centroids from the real file: Leiden 2311, Den Haag 2511, Delft 2611, Groningen 9711.
    private static readonly GeoPoint Leiden2311 = new(52.156412401772656, 4.489715391654342);

    [Fact]
    public async Task Create_publish_and_search_by_postcode_finds_offers_nearest_first()
    {
        var library = await Library.Register(app);
        var delft = await library.AddLocation(Library.LocationAt("2611AB", "Delft", "GM0503", "Zuid-Holland"));
        var leiden = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var denHaag = await library.AddLocation(Library.LocationAt("2511CD", "Den Haag", "GM0518", "Zuid-Holland"));
        var groningen = await library.AddLocation(Library.LocationAt("9711AB", "Groningen", "GM0014", "Groningen"));
        Assert.Equal($"NL-{library.Number}-0001", delft);
        Assert.Equal($"NL-{library.Number}-0004", groningen);

        var atDelft = await library.Publish(Library.OfferAt(delft));
        var atLeidenAndGroningen = await library.Publish(Library.OfferAt(groningen, leiden));
        var atDenHaag = await library.Publish(Library.OfferAt(denHaag));
        var farAway = await library.Publish(Library.OfferAt(groningen));
        (await library.Admin.Post("/offers/v1/offers", Library.OfferAt(leiden))).Expect(HttpStatusCode.Created); // a draft

        var hits = (await app.Client().Get($"/offers/v1/offers?postcode=2311EZ&radius=30000&organisationId={library.OrganisationId}"))
            .Expect(HttpStatusCode.OK)["items"]!.AsArray();

        Assert.Equal([atLeidenAndGroningen, atDenHaag, atDelft], hits.Select(h => Guid.Parse(h!["offer"]!["offerId"]!.GetValue<string>())));
        Assert.DoesNotContain(farAway, hits.Select(h => Guid.Parse(h!["offer"]!["offerId"]!.GetValue<string>())));
        var distances = hits.Select(h => h!["distanceMeters"]!.GetValue<int>()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.Equal(leiden, hits[0]!["nearestLocation"]!["locationId"]!.GetValue<string>());
        Assert.Equal(GeoDistance.RoundedMeters(Leiden2311, new GeoPoint(52.07776542301735, 4.3176393997163505)), distances[1]);
        Assert.All(hits, h => Assert.Equal("published", h!["offer"]!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Each_hit_carries_the_offers_next_three_dates()
    {
        var library = await Library.Register(app);
        var leiden = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        await library.Publish(Library.OfferAt(leiden) with
        {
            Schedule = new ScheduleRequest(Sessions:
            [
                new SessionRequest(new DateOnly(2099, 1, 19), "10:00", "12:00"), new SessionRequest(new DateOnly(2099, 1, 5), "10:00", "12:00"),
                new SessionRequest(new DateOnly(2099, 1, 26), "10:00", "12:00"), new SessionRequest(new DateOnly(2099, 1, 12), "10:00", "12:00"),
            ]),
        });
        var hit = (await app.Client().Get($"/offers/v1/offers?postcode=2311EZ&organisationId={library.OrganisationId}"))
            .Expect(HttpStatusCode.OK)["items"]!.AsArray().Single();
        Assert.Equal(["2099-01-05", "2099-01-12", "2099-01-19"], hit!["nextOccurrences"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public async Task Each_hit_carries_its_next_dates_times()
    {
        var library = await Library.Register(app);
        var leiden = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        await library.Publish(Library.OfferAt(leiden) with
        {
            Schedule = new ScheduleRequest(
                Sessions: [new SessionRequest(new DateOnly(2099, 1, 5), "10:00", "12:00")],
                Recurrences: [new RecurrenceRequest("weekly", "monday", "14:00", "16:00", new DateOnly(2099, 1, 1))],
                Exceptions: [new DateOnly(2099, 1, 12)]),
        });
        var hit = (await app.Client().Get($"/offers/v1/offers?postcode=2311EZ&organisationId={library.OrganisationId}"))
            .Expect(HttpStatusCode.OK)["items"]!.AsArray().Single();
        Assert.Equal(
            ["2099-01-05 10:00-12:00", "2099-01-05 14:00-16:00", "2099-01-19 14:00-16:00", "2099-01-26 14:00-16:00"],
            hit!["nextSessions"]!.AsArray().Select(s => $"{s!["date"]} {s["startTime"]}-{s["endTime"]}"));
    }

    [Fact]
    public async Task Searching_by_coordinates_ranks_the_same_as_by_postcode()
    {
        var library = await Library.Register(app);
        var near = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var far = await library.AddLocation(Library.LocationAt("2611AB", "Delft", "GM0503", "Zuid-Holland"));
        var byPostcode = (await app.Client().Get($"/offers/v1/locations?postcode=2311EZ&radius=50000&organisationId={library.OrganisationId}"))
            .Expect(HttpStatusCode.OK);
        var byPoint = (await app.Client().Get(
                $"/offers/v1/locations?lat={Leiden2311.Latitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&lon={Leiden2311.Longitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}&radius=50000&organisationId={library.OrganisationId}"))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(byPostcode.ToJsonString(), byPoint.ToJsonString());
        Assert.Equal([near, far], byPostcode["items"]!.AsArray().Select(h => h!["location"]!["locationId"]!.GetValue<string>()));
        Assert.Equal(0, byPostcode["items"]![0]!["distanceMeters"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_withdrawn_offer_is_gone_from_search_and_from_public_reads()
    {
        var library = await Library.Register(app);
        var leiden = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var offerId = await library.Publish(Library.OfferAt(leiden));
        var search = $"/offers/v1/offers?postcode=2311EZ&organisationId={library.OrganisationId}";
        Assert.Single((await app.Client().Get(search)).Expect(HttpStatusCode.OK)["items"]!.AsArray());

        var (_, _, etag) = await app.Client().Get($"/offers/v1/offers/{offerId}");
        var withdrawn = (await library.Admin.Post($"/offers/v1/offers/{offerId}/withdrawal", new { reason = "Vrijwilliger gestopt" }, etag))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("withdrawn", withdrawn["status"]!.GetValue<string>());

        Assert.Empty((await app.Client().Get(search)).Expect(HttpStatusCode.OK)["items"]!.AsArray());
        (await app.Client().Get($"/offers/v1/offers/{offerId}")).Expect(HttpStatusCode.NotFound);
        var history = (await library.Admin.Get($"/offers/v1/offers/{offerId}/history")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Equal(["offer-drafted", "offer-published", "offer-withdrawn"], history.Select(h => h!["event"]!.GetValue<string>()));
        var withdrawal = history[2]!;
        Assert.Equal("Vrijwilliger gestopt", withdrawal["reason"]!.GetValue<string>());
        Assert.Equal(library.AdminAccount.AccountId, withdrawal["accountId"]!.GetValue<string>());
        var status = Assert.Single(withdrawal["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "status")!;
        Assert.Equal(("published", "withdrawn"), (status["from"]!.GetValue<string>(), status["to"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Filters_narrow_the_search()
    {
        var library = await Library.Register(app);
        var leiden = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var inloop = await library.Publish(Library.OfferAt(leiden));
        var course = await library.Publish(Library.OfferAt(leiden) with
        {
            OfferType = "klik-en-tik",
            SignUp = "Aan de balie.",
            Schedule = new(Sessions: [new(new DateOnly(2027, 3, 2), "09:30", "11:30")]),
        });
        var scope = $"/offers/v1/offers?organisationId={library.OrganisationId}";

        async Task<IReadOnlyList<Guid>> Ids(string query) =>
            (await app.Client().Get(scope + query)).Expect(HttpStatusCode.OK)["items"]!.AsArray()
            .Select(h => Guid.Parse(h!["offer"]!["offerId"]!.GetValue<string>())).ToList();

        Assert.Equal([inloop], await Ids("&walkIn=true"));
        Assert.Equal([course], await Ids("&offerType=klik-en-tik"));
        Assert.Equal([course], await Ids("&theme=apparaatgebruik"));
        Assert.Equal([inloop], await Ids("&targetGroup=iedereen"));
        Assert.Equal([inloop], await Ids("&from=2026-12-01&to=2026-12-31"));
        Assert.Equal(new[] { inloop, course }.OrderBy(g => g.ToString()), await Ids("&from=2027-03-01&to=2027-03-05"));
    }

    [Fact]
    public async Task Pages_carry_a_link_header_and_a_total()
    {
        var library = await Library.Register(app);
        for (var i = 0; i < 3; i++) await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var response = await app.Client().GetAsync($"/offers/v1/locations?postcode=2311EZ&organisationId={library.OrganisationId}&page=2&pageSize=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("rel=\"prev\"", response.Headers.GetValues("Link").Single());
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(3, body["totalItems"]!.GetValue<long>());
        // Three at one centroid: equal distances, so the order is by id.
        Assert.Equal($"NL-{library.Number}-0003", Assert.Single(body["items"]!.AsArray())!["location"]!["locationId"]!.GetValue<string>());
    }
}

using System.Net;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers.Tests.Integration;

[Collection(OffersCollection.Name)]
public class ValidationTests(OffersApp app)
{
    private static readonly LocationRequest Leiden = Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland");

    private async Task<IReadOnlyList<string>> Refused(HttpClient client, string path, object body)
    {
        var before = await app.DomainEventCount();
        var problem = (await client.Post(path, body)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(before, await app.DomainEventCount());
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        return problem.InvalidNames();
    }

    [Fact]
    public async Task An_invalid_postcode_is_refused()
    {
        var library = await Library.Register(app);
        var names = await Refused(library.Admin, "/offers/v1/locations", Leiden with { Address = Leiden.Address! with { Postcode = "2311 SS" } });
        Assert.Contains("address.postcode", names);
    }

    [Fact]
    public async Task Coordinates_outside_the_netherlands_are_refused()
    {
        var library = await Library.Register(app);
        Assert.Equal(["coordinates"], await Refused(library.Admin, "/offers/v1/locations", Leiden with { Coordinates = new(48.85, 2.35) }));
    }

    [Fact]
    public async Task Every_bad_field_of_a_location_is_named_at_once()
    {
        var library = await Library.Register(app);
        var names = await Refused(library.Admin, "/offers/v1/locations", Leiden with
        {
            Name = "", Kind = "kasteel", Province = "Vlaanderen", Municipality = new("546", "Leiden"),
            OpeningHours = [new("monday", "18:00", "09:00")],
        });
        Assert.Equal(["kind", "municipality.code", "name", "openingHours[0].closes", "province"], names.Order());
    }

    [Fact]
    public async Task An_unknown_offer_type_an_unknown_theme_and_a_schedule_ending_before_it_starts_are_refused()
    {
        var library = await Library.Register(app);
        var location = await library.AddLocation(Leiden);
        var offer = Library.OfferAt(location);
        Assert.Equal(["offerType"], await Refused(library.Admin, "/offers/v1/offers", offer with { OfferType = "yoga-voor-ambtenaren" }));
        Assert.Equal(["themes[0]"], await Refused(library.Admin, "/offers/v1/offers", offer with { Themes = ["horoscoop"] }));
        Assert.Equal(["validTo"], await Refused(library.Admin, "/offers/v1/offers",
            offer with { ValidFrom = new DateOnly(2027, 1, 1), ValidTo = new DateOnly(2026, 1, 1), Schedule = null }));
        Assert.Equal(["schedule.sessions[0].endTime"], await Refused(library.Admin, "/offers/v1/offers",
            offer with { Schedule = new ScheduleRequest(Sessions: [new SessionRequest(new DateOnly(2026, 12, 1), "12:00", "11:00")]) }));
    }

    [Fact]
    public async Task Malformed_json_names_the_field()
    {
        var library = await Library.Register(app);
        var names = await Refused(library.Admin, "/offers/v1/offers", new { locationIds = "NL-1", offerType = 7, title = "x", onbekend = true });
        Assert.Contains("locationIds", names);
        Assert.Contains("offerType", names);
    }

    [Fact]
    public async Task Bad_search_parameters_are_each_named()
    {
        var problem = (await app.Client().Get("/offers/v1/offers?postcode=2311SS&theme=horoscoop&targetGroup=goden&offerType=yoga&from=2026-12-31&to=2026-12-01&pageSize=500"))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["offerType", "pageSize", "postcode", "targetGroup", "theme", "to"], problem.InvalidNames().Order());

        // An area that does not exist is named by its four digits: only they are looked up.
        var nowhere = (await app.Client().Get("/offers/v1/offers?postcode=1234AA")).Expect(HttpStatusCode.BadRequest);
        var reason = Assert.Single(nowhere["invalidParams"]!.AsArray())!;
        Assert.Equal(("postcode", "Het postcodegebied 1234 komt niet voor in het postcodebestand."),
            (reason["name"]!.GetValue<string>(), reason["reason"]!.GetValue<string>()));

        var outside = (await app.Client().Get("/offers/v1/locations?lat=48.85&lon=2.35")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["lat", "lon"], outside.InvalidNames());

        var unparsable = (await app.Client().Get("/offers/v1/offers?lat=noord&lon=oost&walkIn=misschien")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["lat", "lon", "walkIn"], unparsable.InvalidNames().Order());

        // NaN compares false with any bound; a NUL or a date at the calendar's edge would reach the database or overflow.
        var nan = (await app.Client().Get("/offers/v1/offers?lat=NaN&lon=NaN&radius=5")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["lat", "lon"], nan.InvalidNames());
        var nanLocations = (await app.Client().Get("/offers/v1/locations?lat=NaN&lon=NaN")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["lat", "lon"], nanLocations.InvalidNames());
        var edges = (await app.Client().Get("/offers/v1/offers?from=9999-12-30&to=0001-01-01")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["from", "to"], edges.InvalidNames());
        var nul = (await app.Client().Get("/offers/v1/offers?offerType=%00")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["offerType"], nul.InvalidNames());
    }

    [Fact]
    public async Task A_nul_character_in_any_text_is_refused_naming_the_field()
    {
        var library = await Library.Register(app);
        var location = await library.AddLocation(Leiden);
        Assert.Equal(["title"], await Refused(library.Admin, "/offers/v1/offers", Library.OfferAt(location) with { Title = "x\0y" }));
        Assert.Equal(["name"], await Refused(library.Admin, "/offers/v1/locations", Leiden with { Name = "Vestiging\0" }));
        Assert.Equal(["name"], await Refused(app.Client(OffersApp.PlatformAdmin()), "/offers/v1/organisations",
            new OrganisationRequest("Bieb\0", "bibliotheek")));
    }

    [Fact]
    public async Task A_control_character_in_any_text_is_refused_naming_the_field()
    {
        var library = await Library.Register(app);
        var location = await library.AddLocation(Leiden);
        // A right-to-left override in a public title would show the finder's readers other text than was typed.
        Assert.Equal(["title"], await Refused(library.Admin, "/offers/v1/offers", Library.OfferAt(location) with { Title = "Taalcafé\u202E" }));
        Assert.Equal(["name"], await Refused(library.Admin, "/offers/v1/locations", Leiden with { Name = "Vestiging\u0001" }));
    }

    [Fact]
    public async Task A_property_name_that_is_no_valid_text_is_a_400_problem()
    {
        var library = await Library.Register(app);
        var before = await app.DomainEventCount();
        var problem = (await library.Admin.Post("/offers/v1/offers", """{"\ud800":1}""")).Expect(HttpStatusCode.BadRequest);
        Assert.StartsWith("De inhoud is geen geldige JSON", problem["detail"]!.GetValue<string>());
        Assert.Equal(before, await app.DomainEventCount());
    }

    [Fact]
    public async Task Dates_at_the_edges_of_the_calendar_are_refused()
    {
        var library = await Library.Register(app);
        var location = await library.AddLocation(Leiden);
        var offer = Library.OfferAt(location);
        Assert.Equal(["validFrom", "validTo"], (await Refused(library.Admin, "/offers/v1/offers",
            offer with { ValidFrom = DateOnly.MinValue, ValidTo = DateOnly.MaxValue })).Order());
        Assert.Equal(["schedule.sessions[0].date"], await Refused(library.Admin, "/offers/v1/offers",
            offer with { Schedule = new ScheduleRequest(Sessions: [new SessionRequest(new DateOnly(9999, 12, 31), "11:00", "12:00")]) }));
    }

    [Fact]
    public async Task Json_in_another_charset_than_utf8_is_a_415()
    {
        var content = new StringContent("""{"name":"Bieb","kind":"bibliotheek"}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=foo");
        using var response = await app.Client(OffersApp.PlatformAdmin()).PostAsync("/offers/v1/organisations", content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>A refused statement once left its pooled connection broken, failing valid requests of other clients
    /// ("unexpected backend message DataRow"): valid requests beside a burst of bad ones must all succeed.</summary>
    [Fact]
    public async Task Valid_requests_beside_a_burst_of_refused_ones_all_succeed()
    {
        var library = await Library.Register(app);
        var offer = Library.OfferAt(await library.AddLocation(Leiden));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async client =>
        {
            var statuses = new List<(bool Valid, HttpStatusCode Status)>();
            for (var i = 0; i < 10; i++)
            {
                var valid = (client + i) % 2 == 0;
                statuses.Add((valid, (await library.Admin.Post("/offers/v1/offers", valid ? offer : offer with { Title = "x\0y" })).Status));
            }
            return statuses;
        }));
        Assert.All(answers.SelectMany(a => a), a => Assert.Equal(a.Valid ? HttpStatusCode.Created : HttpStatusCode.BadRequest, a.Status));
    }
}

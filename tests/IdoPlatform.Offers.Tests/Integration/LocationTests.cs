using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.Offers.Features.Locations;

namespace IdoPlatform.Offers.Tests.Integration;

[Collection(OffersCollection.Name)]
public class LocationTests(OffersApp app)
{
    [Fact]
    public async Task Closing_a_location_hides_it_keeps_its_history_and_tells_the_consumers()
    {
        var library = await Library.Register(app);
        var locationId = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var offerId = await library.Publish(Library.OfferAt(locationId));
        var (_, _, etag) = (await app.Client().Get($"/offers/v1/locations/{locationId}"));

        var closed = (await library.Admin.Post($"/offers/v1/locations/{locationId}/closing", new { reason = "Verhuisd" }, etag))
            .Expect(HttpStatusCode.OK);
        Assert.True(closed["closed"]!.GetValue<bool>());
        Assert.False(closed["visible"]!.GetValue<bool>());

        var relayed = new RelayedMessages(app.AmqpUri, "monitoring-locations");
        var registered = await relayed.WaitFor("LocationRegistered", m => m["location"]!["locationId"]!.GetValue<string>() == locationId);
        var closedMessage = await relayed.WaitFor("LocationClosed", m => m["locationId"]!.GetValue<string>() == locationId);
        Assert.Equal(library.OrganisationId, Guid.Parse(closedMessage.Message["organisationId"]!.GetValue<string>()));
        Assert.Equal("GM0546", registered.Message["location"]!["municipalityCode"]!.GetValue<string>());
        var offers = new RelayedMessages(app.AmqpUri, "monitoring-offers");
        await offers.WaitFor("OfferPublished", m => m["offer"]!["offerId"]!.GetValue<string>() == offerId.ToString());

        // Hidden from the public and from search, the offer there with it; kept for its own admins.
        (await app.Client().Get($"/offers/v1/locations/{locationId}")).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await app.Client().Get($"/offers/v1/locations?organisationId={library.OrganisationId}")).Expect(HttpStatusCode.OK)["items"]!.AsArray());
        Assert.Empty((await app.Client().Get($"/offers/v1/offers?organisationId={library.OrganisationId}")).Expect(HttpStatusCode.OK)["items"]!.AsArray());
        Assert.Equal("Vestiging Leiden", (await library.Admin.Get($"/offers/v1/locations/{locationId}")).Expect(HttpStatusCode.OK)["name"]!.GetValue<string>());
        Assert.Single((await library.Admin.Get($"/offers/v1/locations?organisationId={library.OrganisationId}&includeClosed=true"))
            .Expect(HttpStatusCode.OK)["items"]!.AsArray());
        var history = (await library.Admin.Get($"/offers/v1/locations/{locationId}/history")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Equal(["location-registered", "location-closed"], history.Select(h => h!["event"]!.GetValue<string>()));

        // Closed stays closed, and its id is never handed out again.
        var (_, _, closedTag) = await library.Admin.Get($"/offers/v1/locations/{locationId}");
        (await library.Admin.Post($"/offers/v1/locations/{locationId}/closing", null, closedTag)).Expect(HttpStatusCode.Conflict);
        var next = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        Assert.Equal($"NL-{library.Number}-0002", next);
    }

    [Fact]
    public async Task Renaming_an_organisation_tells_the_consumers_of_its_open_locations()
    {
        var library = await Library.Register(app);
        var open = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var closing = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var (_, _, closingTag) = await library.Admin.Get($"/offers/v1/locations/{closing}");
        (await library.Admin.Post($"/offers/v1/locations/{closing}/closing", null, closingTag)).Expect(HttpStatusCode.OK);
        var (_, _, tag) = await library.Admin.Get($"/offers/v1/organisations/{library.OrganisationId}");

        var newName = $"Bibliotheek Sleutelstad {Guid.NewGuid():N}";
        (await library.Admin.Put($"/offers/v1/organisations/{library.OrganisationId}",
            new Features.Organisations.OrganisationRequest(newName, "bibliotheek"), tag)).Expect(HttpStatusCode.OK);

        var relayed = new RelayedMessages(app.AmqpUri, "monitoring-locations");
        var changed = await relayed.WaitFor("LocationChanged",
            m => m["location"]!["locationId"]!.GetValue<string>() == open && m["location"]!["organisationName"]!.GetValue<string>() == newName);
        Assert.Equal("Vestiging Leiden", changed.Message["location"]!["name"]!.GetValue<string>()); // its own facts as they were
        Assert.Equal(newName, (await app.Client().Get($"/offers/v1/locations/{open}")).Expect(HttpStatusCode.OK)["organisationName"]!.GetValue<string>());
        var history = (await library.Admin.Get($"/offers/v1/locations/{closing}/history")).Expect(HttpStatusCode.OK).AsArray();
        Assert.Equal(["location-registered", "location-closed"], history.Select(h => h!["event"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_change_needs_the_current_etag()
    {
        var library = await Library.Register(app);
        var locationId = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var (_, _, etag) = await app.Client().Get($"/offers/v1/locations/{locationId}");
        var change = Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland") with { Name = "Bibliotheek aan de Gracht" };

        (await library.Admin.Put($"/offers/v1/locations/{locationId}", change, ifMatch: null)).Expect((HttpStatusCode)428);
        var changed = await library.Admin.Put($"/offers/v1/locations/{locationId}", change, etag);
        changed.Expect(HttpStatusCode.OK);
        Assert.NotEqual(etag, changed.ETag);
        var before = await app.DomainEventCount();
        (await library.Admin.Put($"/offers/v1/locations/{locationId}", change with { Name = "Nog anders" }, etag))
            .Expect(HttpStatusCode.PreconditionFailed);
        Assert.Equal(before, await app.DomainEventCount());
        var pub = (await app.Client().Get($"/offers/v1/locations/{locationId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Bibliotheek aan de Gracht", pub["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_history_says_who_changed_which_fields_from_what_to_what_and_why_it_closed()
    {
        var library = await Library.Register(app);
        var original = Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland");
        var locationId = await library.AddLocation(original);
        var (_, _, etag) = await app.Client().Get($"/offers/v1/locations/{locationId}");
        var change = original with
        {
            Name = "Bibliotheek aan de Gracht",
            OpeningHours = [new OpeningPeriodRequest("tuesday", "10:00", "18:00"), new OpeningPeriodRequest("saturday", "10:00", "13:00")],
        };
        var changed = await library.Admin.Put($"/offers/v1/locations/{locationId}", change, etag);
        changed.Expect(HttpStatusCode.OK);
        (await library.Admin.Post($"/offers/v1/locations/{locationId}/closing", new { reason = "Verhuisd" }, changed.ETag)).Expect(HttpStatusCode.OK);

        var history = (await library.Admin.Get($"/offers/v1/locations/{locationId}/history")).Expect(HttpStatusCode.OK).AsArray();
        Assert.All(history, h => Assert.Equal(library.AdminAccount.AccountId, h!["accountId"]!.GetValue<string>()));
        var registered = history[0]!["changes"]!.AsArray().Select(Change).ToList();
        Assert.Contains(("name", null, "Vestiging Leiden"), registered);
        Assert.Contains(("address.postcode", null, "2311EZ"), registered);

        // Only what the change changed, named by its path in the location's JSON.
        Assert.Equal(
            [("name", "Vestiging Leiden", "Bibliotheek aan de Gracht"), ("openingHours[0].closes", "17:00", "18:00"),
             ("openingHours[1].day", null, "saturday"), ("openingHours[1].opens", null, "10:00"), ("openingHours[1].closes", null, "13:00")],
            history[1]!["changes"]!.AsArray().Select(Change));
        Assert.Null(history[1]!["reason"]);

        var closing = history[2]!;
        Assert.Equal("Verhuisd", closing["reason"]!.GetValue<string>());
        Assert.Contains(("closed", "false", "true"), closing["changes"]!.AsArray().Select(Change));
    }

    private static (string, string?, string?) Change(JsonNode? c) =>
        (c!["field"]!.GetValue<string>(), c["from"]?.GetValue<string>(), c["to"]?.GetValue<string>());

    [Fact]
    public async Task Library_admins_change_only_their_own_organisation()
    {
        var mine = await Library.Register(app);
        var theirs = await Library.Register(app);
        var theirLocation = await theirs.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var (_, _, etag) = await app.Client().Get($"/offers/v1/locations/{theirLocation}");
        var change = Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland") with { Name = "Overgenomen" };

        (await mine.Admin.Put($"/offers/v1/locations/{theirLocation}", change, etag)).Expect(HttpStatusCode.Forbidden);
        (await mine.Admin.Post($"/offers/v1/locations/{theirLocation}/closing", null, etag)).Expect(HttpStatusCode.Forbidden);
        (await mine.Admin.Post("/offers/v1/locations", change with { OrganisationId = theirs.OrganisationId })).Expect(HttpStatusCode.Forbidden);
        (await mine.Admin.Post("/offers/v1/offers", Library.OfferAt(theirLocation) with { OrganisationId = theirs.OrganisationId }))
            .Expect(HttpStatusCode.Forbidden);
        (await app.Client().Post("/offers/v1/locations", change)).Expect(HttpStatusCode.Unauthorized);
        (await app.Client(OffersApp.PlatformAdmin()).Put($"/offers/v1/locations/{theirLocation}", change, etag)).Expect(HttpStatusCode.OK);
    }
}

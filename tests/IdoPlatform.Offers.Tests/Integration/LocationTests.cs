using System.Net;
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

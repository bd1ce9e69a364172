using System.Net;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.Offers.Features.OfferTypes;

namespace IdoPlatform.Offers.Tests.Integration;

[Collection(OffersCollection.Name)]
public class OfferLifecycleTests(OffersApp app)
{
    [Fact]
    public async Task A_change_to_a_published_offer_reaches_the_referrers()
    {
        var library = await Library.Register(app);
        var location = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var offerId = await library.Publish(Library.OfferAt(location));
        var (_, _, etag) = await library.Admin.Get($"/offers/v1/offers/{offerId}");
        var changed = (await library.Admin.Put($"/offers/v1/offers/{offerId}", Library.OfferAt(location) with { Title = "Spreekuur met koffie" }, etag))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("published", changed["status"]!.GetValue<string>());

        var relayed = new RelayedMessages(app.AmqpUri, "monitoring-offers");
        var message = await relayed.WaitFor("OfferChanged", m => m["offer"]!["offerId"]!.GetValue<string>() == offerId.ToString());
        Assert.Equal("Spreekuur met koffie", message.Message["offer"]!["title"]!.GetValue<string>());
        var published = await relayed.WaitFor("OfferPublished", m => m["offer"]!["offerId"]!.GetValue<string>() == offerId.ToString());
        Assert.NotEqual(published.MessageId, message.MessageId);
    }

    [Fact]
    public async Task Drafts_are_only_for_their_own_organisation()
    {
        var library = await Library.Register(app);
        var other = await Library.Register(app);
        var location = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var draft = (await library.Admin.Post("/offers/v1/offers", Library.OfferAt(location))).Expect(HttpStatusCode.Created);
        var id = draft["offerId"]!.GetValue<string>();
        Assert.Equal("draft", draft["status"]!.GetValue<string>());
        Assert.Equal("spreekuur", draft["format"]!.GetValue<string>()); // from the offer type
        (await library.Admin.Get($"/offers/v1/offers/{id}")).Expect(HttpStatusCode.OK);
        (await app.Client().Get($"/offers/v1/offers/{id}")).Expect(HttpStatusCode.NotFound);
        (await other.Admin.Get($"/offers/v1/offers/{id}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_creates_one_offer()
    {
        var library = await Library.Register(app);
        var location = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var key = Guid.NewGuid().ToString();
        async Task<string> Create()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/offers/v1/offers")
            {
                Content = System.Net.Http.Json.JsonContent.Create(Library.OfferAt(location)),
            };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await library.Admin.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["offerId"]!.GetValue<string>();
        }
        var first = await Create();
        var before = await app.DomainEventCount();
        Assert.Equal(first, await Create());
        Assert.Equal(before, await app.DomainEventCount());
    }

    [Fact]
    public async Task A_new_offer_type_version_leaves_existing_offers_on_theirs()
    {
        var admin = app.Client(OffersApp.PlatformAdmin());
        var code = $"test-type-{Guid.NewGuid():N}"[..30];
        var defaults = new OfferDefaultsRequest("cafe", ["apparaatgebruik"], ["senioren"], true, [], ["wifi"], []);
        var created = await admin.Post("/offers/v1/offer-types", new OfferTypeRequest(code, "Testcafé", "Eerste versie", defaults));
        created.Expect(HttpStatusCode.Created);
        (await admin.Post("/offers/v1/offer-types", new OfferTypeRequest(code, "Dubbel", "", defaults))).Expect(HttpStatusCode.Conflict);

        var library = await Library.Register(app);
        var location = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var offerId = await library.Publish(Library.OfferAt(location) with { OfferType = code });

        var revised = (await admin.Put($"/offers/v1/offer-types/{code}",
            new OfferTypeRequest(Name: "Testcafé", Description: "Tweede versie", Defaults: defaults with { WalkIn = false }), created.ETag))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(2, revised["version"]!.GetValue<int>());
        (await admin.Put($"/offers/v1/offer-types/{code}", new OfferTypeRequest(Name: "Oud", Defaults: defaults), created.ETag))
            .Expect(HttpStatusCode.PreconditionFailed);

        Assert.Equal(1, (await app.Client().Get($"/offers/v1/offers/{offerId}")).Expect(HttpStatusCode.OK)["offerTypeVersion"]!.GetValue<int>());
        var v1 = (await app.Client().Get($"/offers/v1/offer-types/{code}/versions/1")).Expect(HttpStatusCode.OK);
        Assert.True(v1["defaults"]!["walkIn"]!.GetValue<bool>());
        Assert.Equal(2, v1["latestVersion"]!.GetValue<int>());
        var newer = (await library.Admin.Post("/offers/v1/offers", Library.OfferAt(location) with { OfferType = code, SignUp = "Bel ons." }))
            .Expect(HttpStatusCode.Created);
        Assert.Equal(2, newer["offerTypeVersion"]!.GetValue<int>());
        Assert.False(newer["walkIn"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_organisation_number_is_taken_once()
    {
        var admin = app.Client(OffersApp.PlatformAdmin());
        var number = Random.Shared.Next(700000, 799999).ToString();
        (await admin.Post("/offers/v1/organisations", new OrganisationRequest("Bieb Een", "bibliotheek", Number: number))).Expect(HttpStatusCode.Created);
        var before = await app.DomainEventCount();
        (await admin.Post("/offers/v1/organisations", new OrganisationRequest("Bieb Twee", "bibliotheek", Number: number))).Expect(HttpStatusCode.Conflict);
        Assert.Equal(before, await app.DomainEventCount());
    }

    [Fact]
    public async Task A_retry_after_the_key_store_forgot_still_finds_the_first_offer_organisation_and_location()
    {
        var library = await Library.Register(app);
        var location = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var admin = app.Client(OffersApp.PlatformAdmin());
        async Task<string> Create(HttpClient client, string path, object body, string key, string idField)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = System.Net.Http.Json.JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())![idField]!.GetValue<string>();
        }

        foreach (var (client, path, body, idField) in new (HttpClient, string, object, string)[]
                 {
                     (library.Admin, "/offers/v1/offers", Library.OfferAt(location), "offerId"),
                     (admin, "/offers/v1/organisations", new OrganisationRequest($"Bieb {Guid.NewGuid():N}", "bibliotheek"), "organisationId"),
                     // A location's id is the next branch number: the request's claim, stored with it, finds it again.
                     (library.Admin, "/offers/v1/locations", Library.LocationAt("2312AB", "Leiden", "GM0546", "Zuid-Holland"), "locationId"),
                 })
        {
            var key = Guid.NewGuid().ToString();
            var first = await Create(client, path, body, key, idField);
            // As if the first answer was never stored: the instance died right after the append.
            await app.Scalar("DELETE FROM idempotency_keys WHERE key = $1", key);
            var before = await app.DomainEventCount();

            Assert.Equal(first, await Create(client, path, body, key, idField));
            Assert.Equal(before, await app.DomainEventCount());
        }
    }
}

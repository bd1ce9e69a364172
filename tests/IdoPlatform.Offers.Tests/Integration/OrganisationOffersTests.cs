using System.Net;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>GET /organisations/{id}/offers: the managers' list, with drafts and withdrawn offers, own organisation only.</summary>
[Collection(OffersCollection.Name)]
public class OrganisationOffersTests(OffersApp app)
{
    [Fact]
    public async Task An_admin_lists_every_offer_of_their_organisation_newest_first_and_no_other()
    {
        var library = await Library.Register(app);
        var other = await Library.Register(app);
        var location = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var published = await library.Publish(Library.OfferAt(location) with { Title = "Gepubliceerd" });
        var draft = (await library.Admin.Post("/offers/v1/offers", Library.OfferAt(location) with { Title = "Concept" }))
            .Expect(HttpStatusCode.Created)["offerId"]!.GetValue<string>();
        var withdrawn = (await library.Admin.Post("/offers/v1/offers", Library.OfferAt(location) with { Title = "Ingetrokken" }));
        var withdrawnId = withdrawn.Expect(HttpStatusCode.Created)["offerId"]!.GetValue<string>();
        (await library.Admin.Post($"/offers/v1/offers/{withdrawnId}/withdrawal", new { reason = "Vervalt" }, withdrawn.ETag)).Expect(HttpStatusCode.OK);

        var all = (await library.Admin.Get($"/offers/v1/organisations/{library.OrganisationId}/offers")).Expect(HttpStatusCode.OK);
        var items = all["items"]!.AsArray();
        Assert.Equal(3, all["totalItems"]!.GetValue<int>());
        Assert.Equal([withdrawnId, draft, published.ToString()], items.Select(i => i!["offerId"]!.GetValue<string>()).ToArray());
        Assert.Equal(["withdrawn", "draft", "published"], items.Select(i => i!["status"]!.GetValue<string>()).ToArray());

        var drafts = (await library.Admin.Get($"/offers/v1/organisations/{library.OrganisationId}/offers?status=draft")).Expect(HttpStatusCode.OK);
        Assert.Equal(draft, Assert.Single(drafts["items"]!.AsArray())!["offerId"]!.GetValue<string>());

        (await other.Admin.Get($"/offers/v1/organisations/{library.OrganisationId}/offers")).Expect(HttpStatusCode.Forbidden);
        (await app.Client().Get($"/offers/v1/organisations/{library.OrganisationId}/offers")).Expect(HttpStatusCode.Unauthorized);
        var bad = (await library.Admin.Get($"/offers/v1/organisations/{library.OrganisationId}/offers?status=open&pageSize=0"))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["status", "pageSize"], bad.InvalidNames());
        (await app.Client(OffersApp.PlatformAdmin()).Get($"/offers/v1/organisations/{Guid.NewGuid()}/offers")).Expect(HttpStatusCode.NotFound);
    }
}

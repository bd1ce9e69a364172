using System.Text.Json.Nodes;
using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;

namespace IdoPlatform.EndToEnd.Tests.Journeys;

/// <summary>Journey 1: a library admin opens an IDO point and publishes an offer there; an agency looking
/// for the nearest IDO from a postcode in that area finds the point first, with the offer.</summary>
[Collection(PlatformCollection.Name)]
public sealed class PublishedOfferIsFoundNearbyTests(PlatformFixture platform)
{
    // Groningen's 9722 area: no demo location there, so the new point is the only one at distance 0.
    private const string Postcode = "9722AB";

    [Fact]
    public async Task An_agency_finds_the_new_IDO_point_nearest_to_a_postcode_with_the_offer_just_published()
    {
        var seeds = platform.Seeds;
        using var admin = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.AdminA));

        var location = (await admin.PostAsync("offers/v1/locations", Bodies.Location(seeds.OrganisationA,
            "Servicepunt Groningen-Zuid (e2e)", Postcode, "Groningen", "GM0014", "Groningen", "Groningen"))).Expect(HttpStatusCode.Created);
        var locationId = location.Json["locationId"]!.GetValue<string>();

        var title = "Inloopspreekuur toeslagen " + Guid.NewGuid().ToString("N")[..6];
        var draft = (await admin.PostAsync("offers/v1/offers",
            Bodies.Offer(seeds.OrganisationA, locationId, title, themes: ["toeslagen", "digid"]))).Expect(HttpStatusCode.Created);
        var offerId = draft.Json["offerId"]!.GetValue<Guid>();
        Assert.Equal("draft", draft.Json["status"]!.GetValue<string>());
        var published = (await admin.PostAsync($"offers/v1/offers/{offerId}/publication", null, Headers.IfMatch(draft)))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("published", published.Json["status"]!.GetValue<string>());

        // Public offer search (no token) finds it first: it is at the centroid of the searched area.
        var search = (await platform.Gateway().GetAsync($"offers/v1/offers?postcode={Postcode}&radius=5000")).Expect(HttpStatusCode.OK);
        var firstHit = search.Json["items"]!.AsArray()[0]!;
        Assert.Equal(offerId, firstHit["offer"]!["offerId"]!.GetValue<Guid>());

        // The agency's look-up reads referrals' own replica, fed over RabbitMQ: it catches up shortly.
        using var agency = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.Toeslagen));
        var openOn = DutchDays.Next(DayOfWeek.Tuesday);
        var lookup = await Eventually.Until(
            () => agency.GetAsync($"referrals/v1/referral-locations?postcode={Postcode}&topic=toeslagen&openOn={openOn:yyyy-MM-dd}&limit=5"),
            r => r.Status == HttpStatusCode.OK && FirstLocation(r)?["locationId"]?.GetValue<string>() == locationId
                && Offers(FirstLocation(r)!).Contains(offerId),
            TimeSpan.FromSeconds(30), $"location {locationId} with offer {offerId} first in the nearest-IDO look-up");

        var locations = lookup.Json["locations"]!.AsArray();
        var nearest = locations[0]!;
        Assert.Equal(0, nearest["distanceMeters"]!.GetValue<int>());
        Assert.Equal(seeds.OrganisationA, nearest["organisationId"]!.GetValue<Guid>());
        Assert.NotEmpty(nearest["openingHours"]!.AsArray());
        var offer = nearest["matchingOffers"]!.AsArray().Single(o => o!["offerId"]!.GetValue<Guid>() == offerId)!;
        Assert.Equal(title, offer["title"]!.GetValue<string>());
        var distances = locations.Select(l => l!["distanceMeters"]!.GetValue<int>()).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.True(locations.Count > 1, $"Expected more IDOs than the new one near {Postcode}: {lookup}");
    }

    private static JsonNode? FirstLocation(ApiResponse response) =>
        response.Json["locations"] is JsonArray { Count: > 0 } all ? all[0] : null;

    private static IReadOnlyList<Guid> Offers(JsonNode location) =>
        location["matchingOffers"]!.AsArray().Select(o => o!["offerId"]!.GetValue<Guid>()).ToList();
}

using System.Net;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.BuildingBlocks.Hosting;
using IdoPlatform.Offers.Seeding;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.Offers.Tests.Integration;

public sealed class WithDemoSeeds : OffersApp
{
    protected override string Prefix => "offers-demo";

    protected override IEnumerable<(string Key, string Value)> Settings => [("Seeds:LoadDemo", "true")];
}

public class SeedingTests(WithDemoSeeds app) : IClassFixture<WithDemoSeeds>
{
    [Fact]
    public async Task The_demo_set_is_searchable_and_seeding_again_appends_nothing()
    {
        var locations = (await app.Client().Get("/offers/v1/locations?pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.True(locations["totalItems"]!.GetValue<long>() >= 40);
        var types = (await app.Client().Get("/offers/v1/offer-types")).Expect(HttpStatusCode.OK);
        Assert.True(types["totalItems"]!.GetValue<long>() >= 8);

        var near = (await app.Client().Get("/offers/v1/offers?postcode=2311EZ&radius=5000")).Expect(HttpStatusCode.OK)["items"]!.AsArray();
        Assert.NotEmpty(near);
        Assert.Equal("NL-900111-0001", near[0]!["nearestLocation"]!["locationId"]!.GetValue<string>());
        Assert.Equal(0, near[0]!["distanceMeters"]!.GetValue<int>());

        var before = await app.DomainEventCount();
        var seeder = app.Services.GetRequiredService<OffersSeeder>();
        await seeder.Run(RepositoryPaths.SeedsFolder(app.Services.GetRequiredService<IConfiguration>()), loadDemo: true, CancellationToken.None);
        Assert.Equal(before, await app.DomainEventCount());
    }

    [Fact]
    public async Task A_restart_keeps_an_offer_type_changed_through_the_api()
    {
        var admin = app.Client(OffersApp.PlatformAdmin());
        var (_, current, etag) = await admin.Get("/offers/v1/offer-types/digicafe");
        var request = new OfferTypeRequest(Name: "Digicafé", Description: "Nu ook op zaterdag.",
            Defaults: new OfferDefaultsRequest("cafe", ["apparaatgebruik"], ["senioren"], true, ["eigen-apparaat"], ["wifi"], []));
        var revised = (await admin.Put("/offers/v1/offer-types/digicafe", request, etag)).Expect(HttpStatusCode.OK);
        Assert.Equal(current!["version"]!.GetValue<int>() + 1, revised["version"]!.GetValue<int>());

        var before = await app.DomainEventCount();
        await app.Services.GetRequiredService<OffersSeeder>().Run(
            RepositoryPaths.SeedsFolder(app.Services.GetRequiredService<IConfiguration>()), loadDemo: true, CancellationToken.None);
        Assert.Equal(before, await app.DomainEventCount());
        var after = (await app.Client().Get("/offers/v1/offer-types/digicafe")).Expect(HttpStatusCode.OK);
        Assert.Equal("Nu ook op zaterdag.", after["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_second_instance_starting_on_the_same_database_appends_nothing()
    {
        var before = await app.DomainEventCount();
        await using var second = app.Create([("Seeds:LoadDemo", "true")]);
        second.CreateClient().Dispose();
        Assert.Equal(before, await app.DomainEventCount());
    }
}

using IdoPlatform.Contracts.Codes;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Hosting;
using IdoPlatform.Offers.Seeding;
using Microsoft.Extensions.Configuration;

namespace IdoPlatform.Offers.Tests.Domain;

/// <summary>The seed files validate through the same rules as the API, and the demo set keeps its promises.</summary>
public class SeedFilesTests
{
    private static readonly IConfiguration Configuration = new ConfigurationBuilder().Build();
    private static readonly string Seeds = RepositoryPaths.SeedsFolder(Configuration);

    [Fact]
    public void The_offer_types_include_the_g_ds_aanbodsoorten_and_validate()
    {
        var types = SeedFiles.OfferTypes(Seeds).Select(t => t.Request).ToList();
        foreach (var type in types) Assert.Empty(type.Validate(requireCode: true).Errors.Errors);
        var names = types.Select(t => t.Name ?? "").ToList();
        foreach (var expected in new[] { "IDO-inloopspreekuur", "Digitaal spreekuur", "Formulierenspreekuur", "Belastingspreekuur",
                     "Klik & Tik", "Digisterker", "Digicafé", "Informatiebijeenkomst digitale overheid" })
            Assert.Contains(names, n => n.StartsWith(expected, StringComparison.Ordinal));
        Assert.Contains(types, t => t.Defaults?.WhatToBring?.Contains("digid") == true);
        Assert.Equal(types.Count, types.Select(t => t.Code).Distinct().Count());
    }

    [Fact]
    public void The_demo_libraries_are_fictional_spread_over_all_provinces_and_mostly_have_an_ido()
    {
        var organisations = SeedFiles.Organisations(Seeds);
        var libraries = organisations.Where(o => o.Kind == "bibliotheek").ToList();
        Assert.True(libraries.Count >= 12, $"{libraries.Count} library organisations");
        Assert.All(organisations, o => Assert.Contains("Demo", o.Name));
        Assert.Equal(organisations.Count, organisations.Select(o => o.Id).Distinct().Count());
        Assert.Equal(organisations.Count, organisations.Select(o => o.Number).Distinct().Count());

        var locations = SeedFiles.Locations(Seeds);
        Assert.True(locations.Count >= 40, $"{locations.Count} locations");
        Assert.Equal(Provinces.All.Order(), locations.Select(l => l.Request.Province!).Distinct().Order());
        Assert.True(locations.Count(l => l.Request.Ido?.HasIdo == true) > locations.Count / 2);
        Assert.Equal(locations.Count, locations.Select(l => l.LocationId).Distinct().Count());

        var numbers = organisations.ToDictionary(o => o.Id, o => o.Number);
        foreach (var seed in locations)
        {
            Assert.Empty(seed.Request.Validate(Pc4Lookup.Unavailable).Errors.Errors);
            Assert.True(LocationId.IsValid(seed.LocationId));
            Assert.StartsWith($"NL-{numbers[seed.Request.OrganisationId!.Value]}-", seed.LocationId);
        }
    }

    [Fact]
    public void Demo_locations_sit_at_real_pc4_centroids()
    {
        var postcodes = Pc4Lookup.Load(RepositoryPaths.Resolve(Configuration, "../shared/data/postcodes/pc4geoloc.json"));
        Assert.True(postcodes.IsAvailable, "the PC4 file belongs beside the repository, in ../shared/data/postcodes");
        foreach (var seed in SeedFiles.Locations(Seeds))
        {
            Assert.True(postcodes.TryFind(seed.Request.Address!.Postcode, out var centroid), seed.LocationId);
            Assert.Equal(centroid.Latitude, seed.Request.Coordinates!.Latitude!.Value, 9);
            Assert.Equal(centroid.Longitude, seed.Request.Coordinates.Longitude!.Value, 9);
        }
    }

    [Fact]
    public void The_demo_offers_validate_against_the_seeded_types_and_locations()
    {
        var types = SeedFiles.OfferTypes(Seeds).Select(t => t.Request).ToDictionary(t => t.Code!, t =>
            new OfferType(t.Code!, [t.Validate(requireCode: true).Definition! with { Version = 1 }]));
        var organisations = SeedFiles.Organisations(Seeds).ToDictionary(o => o.Id);
        var locations = SeedFiles.Locations(Seeds).ToDictionary(l => l.LocationId, l =>
            new Location(l.LocationId, l.Request.OrganisationId!.Value, organisations[l.Request.OrganisationId!.Value].Name,
                l.Request.Validate(Pc4Lookup.Unavailable).Facts!, null));
        var offers = SeedFiles.Offers(Seeds);
        Assert.True(offers.Count(o => o.Publish) >= 24);
        Assert.Equal(offers.Count, offers.Select(o => o.OfferId).Distinct().Count());
        foreach (var offer in offers)
        {
            var context = new OfferValidationContext(offer.Request.OrganisationId, types.GetValueOrDefault(offer.Request.OfferType!), locations);
            Assert.Empty(offer.Request.Validate(context).Errors.Errors);
        }
    }
}

using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.BuildingBlocks.Hosting;
using Microsoft.Extensions.Configuration;

namespace IdoPlatform.Referrals.Tests.Domain;

public class AgencyCatalogueTests
{
    private static string SeedsFolder() => RepositoryPaths.SeedsFolder(new ConfigurationBuilder().Build());

    [Fact]
    public void The_seeded_catalogue_names_every_agency_code_with_its_public_contact()
    {
        var catalogue = AgencyCatalogue.Load(Path.Combine(SeedsFolder(), "agencies.json"));
        Assert.True(catalogue.Version >= 1);
        Assert.Equal(Contracts.Codes.Agencies.All.Order(), catalogue.All.Select(a => a.Code).Order());
        Assert.All(catalogue.All, a =>
        {
            Assert.StartsWith("https://", a.Website);
            Assert.False(string.IsNullOrWhiteSpace(a.Name));
            Assert.False(string.IsNullOrWhiteSpace(a.Abbreviation));
        });
        Assert.Equal("Dienst Toeslagen", catalogue.Find("toeslagen")!.Name);
    }

    [Fact]
    public void A_catalogue_missing_an_agency_code_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => new AgencyCatalogue(1,
            [new Agency("uwv", "UWV", "UWV", new DateOnly(2019, 1, 1), null, "https://www.uwv.nl", null)]));

    [Fact]
    public void Membership_has_a_start_and_an_optional_end()
    {
        var left = new Agency("lbio", "LBIO", "LBIO", new DateOnly(2021, 1, 1), new DateOnly(2025, 12, 31), "https://www.lbio.nl", null);
        Assert.False(left.IsMemberOn(new DateOnly(2020, 12, 31)));
        Assert.True(left.IsMemberOn(new DateOnly(2025, 12, 31)));
        Assert.False(left.IsMemberOn(new DateOnly(2026, 1, 1)));
    }
}

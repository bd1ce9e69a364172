using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>With a tile server configured, the agencies' search and the public finder draw a Leaflet map beside the
/// list: a marker per listed location, real tiles, still no WCAG violations and no CSP refusal.</summary>
[Collection(MapPlatformCollection.Name)]
public sealed class MapTests(MapPlatformFixture platform)
{
    [Theory]
    [InlineData("aanbod?waar=9711AB", null, "aanbod-kaart")]
    [InlineData("verwijzen?waar=9711AB", "uwv", "verwijzen-kaart")]
    public async Task The_map_shows_a_marker_for_each_listed_location_on_the_configured_tiles(string path, string? account, string screenshot)
    {
        var page = await platform.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) refused.Add(message.Text);
        };
        if (account is not null) await platform.SignInAsync(page, account, "verwijzen");
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, path).ToString());

        var listed = page.Locator("[data-plaats]");
        await Expect(listed.First).ToBeVisibleAsync();
        var map = page.GetByRole(AriaRole.Region, new() { Name = "Kaart met dezelfde locaties als de lijst" });
        await Expect(map).ToBeVisibleAsync();
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(await listed.CountAsync());
        await Expect(map.Locator("img.leaflet-tile-loaded").First).ToBeAttachedAsync();
        Assert.True(platform.TilesServed > 0, "no tile was fetched from the tile server");
        Assert.Empty(refused);

        await Accessibility.AssertNoViolationsAsync(page, $"{path} with its map");
        await Screenshots.TakeAsync(page, screenshot);
    }
}

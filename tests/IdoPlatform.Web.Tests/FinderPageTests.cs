using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>The public finder (/aanbod): no sign-in, IDO help and courses near a postcode with their next dates (the
/// same list component as /verwijzen), and a page per location.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class FinderPageTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task A_citizen_finds_IDO_help_near_a_postcode_without_signing_in_and_opens_a_location()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "aanbod").ToString());
        await Accessibility.AssertNoViolationsAsync(page, "the public finder, empty");
        await page.GetByLabel("Uw postcode of woonplaats").FillAsync("9711AB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        var first = page.Locator("[data-plaats]").First;
        await Expect(first.Locator("h3")).ToHaveTextAsync("Demobibliotheek Groningen Centrum");
        await Expect(first).ToContainTextAsync("Leeswijzerstraat 1, 9711 AB Groningen");
        await Expect(first).ToContainTextAsync("IDO-inloopspreekuur");
        await Expect(first).ToContainTextAsync("Digicafé");
        // The weekly walk-in hour (Mondays and Wednesdays) has next dates; the next one lies within a week.
        var walkIn = first.Locator(".aanbodlijst li").Filter(new() { HasText = "IDO-inloopspreekuur" }).Locator(".wanneer");
        await Expect(walkIn).ToContainTextAsync("Volgende keer: ");
        // Each date with the times the admin entered (Mondays 10–12, Wednesdays 14–16).
        Assert.Matches("^Volgende keer: ((maandag \\d+ \\w+( \\d{4})?, 10:00–12:00|woensdag \\d+ \\w+( \\d{4})?, 14:00–16:00)(; |$))+", (await walkIn.TextContentAsync())!.Trim());
        Assert.Contains("9711", page.Url); // shareable
        await Expect(page.Locator("[data-plaats]")).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page, "the public finder's results");
        await Screenshots.TakeAsync(page, "aanbod-resultaten-1280");

        await first.GetByRole(AriaRole.Link, new() { Name = "Demobibliotheek Groningen Centrum" }).ClickAsync();
        await page.WaitForURLAsync($"**/aanbod/locaties/{WebPlatformFixture.GroningenCentrum}");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Demobibliotheek Groningen Centrum");
        await Expect(page.Locator(".gegevens").First).ToContainTextAsync("donderdag");
        var klikEnTik = page.Locator("section.plaats").Filter(new() { HasText = "Klik & Tik" });
        await Expect(klikEnTik).ToHaveCountAsync(1);
        await Expect(page.Locator("section.plaats").Filter(new() { HasText = "IDO-inloopspreekuur" }).Locator("[data-volgende]"))
            .ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(maandag \\d+ \\w+( \\d{4})?, 10:00–12:00|woensdag \\d+ \\w+( \\d{4})?, 14:00–16:00)(; |$)"));
        await Accessibility.AssertNoViolationsAsync(page, "a location's page");
        await Screenshots.TakeAsync(page, "aanbod-locatie-1280");
    }

    [Fact]
    public async Task A_bad_postcode_on_the_public_finder_is_explained_at_the_field()
    {
        var page = await platform.NewPageAsync();
        var response = await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "aanbod?waar=1099AB").ToString());
        Assert.Equal(400, response!.Status);
        await Expect(page.Locator("#veld-waar-fout")).ToContainTextAsync("postcodegebied 1099 komt niet voor");
        response = await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "aanbod?waar=99").ToString());
        Assert.Equal(400, response!.Status);
        await Expect(page.Locator("#veld-waar-fout")).ToContainTextAsync("is geen postcode");
        await Accessibility.AssertNoViolationsAsync(page, "the public finder with a bad postcode");
    }

    [Fact]
    public async Task A_name_of_two_places_searches_the_likeliest_and_offers_the_other()
    {
        // Winsum in Groningen (gemeente Winsum, a library) over the Frisian village with the lower postcode.
        var page = await platform.NewPageAsync();
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "aanbod?waar=Winsum").ToString());
        await Expect(page.Locator("#plaatsen-kop")).ToHaveTextAsync("IDO's bij Winsum (Groningen)");
        await Expect(page.Locator("[data-plaats] h3").First).ToHaveTextAsync("Demobibliotheek Winsum");
        var other = page.GetByRole(AriaRole.Link, new() { Name = "Winsum (Friesland)" });
        await Expect(page.Locator(".andere-plaats")).ToHaveTextAsync("Bedoelde u Winsum (Friesland)?");
        await Expect(other).ToHaveAttributeAsync("href", "/aanbod?waar=Winsum,%20Friesland");
        await Accessibility.AssertNoViolationsAsync(page, "the public finder for a name of two places");
        await Screenshots.TakeAsync(page, "aanbod-winsum");

        await other.ClickAsync();
        await Expect(page.Locator("#plaatsen-kop")).ToHaveTextAsync("IDO's bij Winsum, Friesland");
        await Expect(page.Locator("#veld-waar")).ToHaveValueAsync("Winsum, Friesland");
        await Expect(page.Locator(".andere-plaats")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task An_unknown_location_is_a_404_page()
    {
        var page = await platform.NewPageAsync();
        var response = await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "aanbod/locaties/NL-999999-0001").ToString());
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Locatie niet gevonden");
    }

    [Fact]
    public async Task The_public_finder_works_at_360_px()
    {
        var page = await platform.NewPageAsync(width: 360, height: 780);
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "aanbod?waar=Leeuwarden").ToString());
        await Expect(page.Locator("[data-plaats] h3").First).ToHaveTextAsync("Demobibliotheek Leeuwarden Centrum");
        await Layout.AssertFitsAsync(page, "the public finder");
        await Accessibility.AssertNoViolationsAsync(page, "the public finder at 360 px");
        await Screenshots.TakeAsync(page, "aanbod-resultaten-360");
        await page.Locator("[data-plaats] h3 a").First.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Demobibliotheek Leeuwarden Centrum");
        await Layout.AssertFitsAsync(page, "a location's page");
        await Accessibility.AssertNoViolationsAsync(page, "a location's page at 360 px");
        await Screenshots.TakeAsync(page, "aanbod-locatie-360");
    }
}

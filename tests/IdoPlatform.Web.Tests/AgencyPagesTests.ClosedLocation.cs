using System.Text.Json.Nodes;
using IdoPlatform.Testing;
using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>A location closed after a referral to it: the referral's page says so and sends the agency to refer again
/// instead of offering a slip to a closed place; the list still names the location, marked closed.</summary>
public sealed partial class AgencyPagesTests
{
    [Fact]
    public async Task A_referral_to_a_location_closed_since_offers_no_slip_and_says_to_refer_again()
    {
        // A location of its own (closed for good afterwards), so the seeded ones stay open for the other tests.
        var name = $"Testvestiging gesloten {Guid.NewGuid().ToString("N")[..4]}";
        var (registered, location, _) = await platform.ApiAsync(WebPlatformFixture.AdminA, HttpMethod.Post, "offers/v1/locations", new
        {
            name, kind = "vestiging",
            address = new { street = "Sluisstraat", houseNumber = 3, postcode = "9711AB", city = "Groningen" },
            municipality = new { code = "GM0014", name = "Groningen" }, province = "Groningen",
            coordinates = new { latitude = 53.30, longitude = 6.70 },
            openingHours = new[] { new { day = "thursday", opens = "10:00", closes = "17:00" } },
            ido = new { hasIdo = true, openedOn = "2024-01-01", insideLibrary = true },
        });
        Assert.True(registered == 201, $"Registering a location answered {registered}: {location}");
        var locationId = location!["locationId"]!.GetValue<string>();
        // Referrals' replica has the location once its look-up lists it (open on Thursdays); after the closure it no longer does.
        var lookup = $"referrals/v1/referral-locations?postcode=9711AB&openOn={NextThursday():yyyy-MM-dd}&limit=20";
        Task<(int Status, JsonNode? Json, string? ETag)> Lookup() => platform.ApiAsync(Uwv, HttpMethod.Get, lookup);
        bool Lists((int Status, JsonNode? Json, string? ETag) r) =>
            r.Json?["locations"]?.AsArray().Any(l => l!["locationId"]!.GetValue<string>() == locationId) == true;
        await Eventually.Until(Lookup, r => r.Status == 200 && Lists(r), Eventually.Patience, "referrals' replica has the new location");
        var (issued, referral, _) = await platform.ApiAsync(Uwv, HttpMethod.Post, "referrals/v1/referrals",
            new { agency = "uwv", topic = "digid", locationId, method = "named-place" });
        Assert.True(issued == 201, $"Issuing answered {issued}: {referral}");
        var code = referral!["code"]!.GetValue<string>();

        var (closed, json, _) = await platform.ApiAsync(WebPlatformFixture.AdminA, HttpMethod.Post,
            $"offers/v1/locations/{locationId}/closing", new { reason = "Verhuisd" }, ifMatch: "\"1\"");
        Assert.True(closed == 200, $"Closing answered {closed}: {json}");
        await Eventually.Until(Lookup, r => r.Status == 200 && !Lists(r), Eventually.Patience, "referrals' replica has the closure");

        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Uwv, $"verwijzen/verwijzingen/{code}");
        var warning = page.Locator("[data-locatie-gesloten]");
        await Expect(warning).ToContainTextAsync($"{name} is gesloten per {TodayInDutch()}");
        await Expect(warning).ToContainTextAsync("Verwijs de burger opnieuw");
        var again = warning.GetByRole(AriaRole.Link, new() { Name = "Zoek een ander IDO voor DigiD" });
        Assert.Equal("/verwijzen?waar=9711AB&onderwerp=digid", await again.GetAttributeAsync("href")); // near the closed place
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Verwijsbrief afdrukken" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".verwijsbrief")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("niet op te halen");
        await Accessibility.AssertNoViolationsAsync(page, "a referral to a closed location");
        await Screenshots.TakeAsync(page, "verwijzen-verwijzing-locatie-gesloten-1280");

        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "verwijzen/verwijzingen").ToString());
        var row = page.Locator($"tr[data-verwijzing='{code}']");
        await Expect(row).ToContainTextAsync($"{name} (gesloten)");
        await Expect(row).Not.ToContainTextAsync(locationId);
        await Accessibility.AssertNoViolationsAsync(page, "the referral list with a closed location");
        await Screenshots.TakeAsync(page, "verwijzen-verwijzingen-locatie-gesloten-1280");

        // The link searches again around the closed place, for the same topic (the agency may change either).
        await page.GoBackAsync();
        await again.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Dichtstbijzijnde IDO's bij 9711 AB");
        await Expect(page.GetByLabel("Onderwerp", new() { Exact = true }).First).ToHaveValueAsync("digid");
    }

    private static string TodayInDutch()
    {
        string[] months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
        var today = Today();
        return $"{today.Day} {months[today.Month - 1]} {today.Year}";
    }
}

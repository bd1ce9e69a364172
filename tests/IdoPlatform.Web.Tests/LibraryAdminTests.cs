using IdoPlatform.Launcher;
using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>The library admins' pages (/beheer): a location's opening hours and IDO changed (a bad field answered at the
/// field, a stale version answered with the version saved meanwhile), a location closed, an offer drafted with a weekly
/// schedule and an exception, published and withdrawn, each with its history; another role and another library kept
/// out; a service that is down named on the page; every page at 360 px. Each test works on locations of its own (no IDO
/// at first, names after the seeded ones), so the desk tests' location lists stay as they are.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed partial class LibraryAdminTests(WebPlatformFixture platform)
{
    private const string AdminA = WebPlatformFixture.AdminA;
    private const string AdminB = "beheer-friese-wouden";

    [Fact]
    public async Task Opening_hours_with_a_bad_field_are_refused_at_the_field_then_saved_with_their_history()
    {
        var (locationId, name) = await NewLocationAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, AdminA, "beheer");
        await Accessibility.AssertNoViolationsAsync(page, "the admin start page");
        await Screenshots.TakeAsync(page, "beheer");
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        await page.WaitForURLAsync($"**/beheer/locaties/{locationId}");
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("dinsdag 10:00–17:00");
        await Accessibility.AssertNoViolationsAsync(page, "a location's page");

        await page.GetByText("Openingstijden en IDO wijzigen").ClickAsync();
        await page.Locator("#veld-openingHours-0-opens").FillAsync("17:00");
        await page.Locator("#veld-openingHours-0-closes").FillAsync("09:00");
        await page.Locator("#veld-ido-openedOn").FillAsync("2024-03-01"); // while "IDO" is still "Nee": refused too
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page.Locator("#veld-openingHours-0-closes-fout")).ToHaveTextAsync("Moet na de openingstijd liggen.");
        await Expect(page.Locator("#veld-ido-openedOn-fout")).ToHaveTextAsync("Alleen bij een locatie met een IDO.");
        await Expect(page.Locator(".foutoverzicht li")).ToContainTextAsync(["Openingstijd 1: open tot", "IDO sinds"]); // as the form reads
        await Expect(page.Locator(".foutoverzicht")).ToBeFocusedAsync(); // the reasons first, for the keyboard too
        await Expect(page.Locator("#veld-openingHours-0-opens")).ToHaveValueAsync("17:00"); // kept as typed
        await Accessibility.AssertNoViolationsAsync(page, "a location's page with refused fields");
        await Screenshots.TakeAsync(page, "beheer-locatie-fout");
        Assert.Equal(1, await VersionOfAsync($"offers/v1/locations/{locationId}")); // nothing stored

        await page.Locator("#veld-openingHours-0-opens").FillAsync("09:00");
        await page.Locator("#veld-openingHours-0-closes").FillAsync("12:30");
        await page.Locator("#veld-openingHours-1-day").SelectOptionAsync("thursday");
        await page.Locator("#veld-openingHours-1-opens").FillAsync("13:00");
        await page.Locator("#veld-openingHours-1-closes").FillAsync("17:00");
        await page.Locator("#veld-ido-hasIdo").SelectOptionAsync("true");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Wijziging opgeslagen.");
        await Expect(page.Locator("[role=status]")).ToBeFocusedAsync();
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("dinsdag 09:00–12:30");
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("donderdag 13:00–17:00");
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("Ja, sinds 1 maart 2024");
        await Expect(page.Locator(".geschiedenis > li")).ToHaveCountAsync(2);
        var change = page.Locator(".geschiedenis > li").First;
        await Expect(change).ToContainTextAsync("Gewijzigd (versie 2)");
        // Who changed what, in the admin's words; the registration above it lists nothing (the page shows it all).
        await Expect(change).ToContainTextAsync("door demo-beheer-stad-en-ommeland");
        await Expect(change.Locator(".wijzigingen li")).ToContainTextAsync(
            ["Openingstijd 1: open vanaf: 10:00 → 09:00", "Openingstijd 1: open tot: 17:00 → 12:30", "Openingstijd 2: dag: – → donderdag",
             "Openingstijd 2: open vanaf: – → 13:00", "Openingstijd 2: open tot: – → 17:00", "IDO aanwezig: Nee → Ja", "IDO sinds: – → 1 maart 2024"]);
        await Expect(page.Locator(".geschiedenis > li").Last.Locator(".wijzigingen")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page, "a location's page after saving");
        await Screenshots.TakeAsync(page, "beheer-locatie-opgeslagen");

        var (_, stored, _) = await platform.ApiAsync(AdminA, HttpMethod.Get, $"offers/v1/locations/{locationId}");
        Assert.Equal(2, stored!["openingHours"]!.AsArray().Count);
        Assert.True(stored["ido"]!["hasIdo"]!.GetValue<bool>());
        Assert.Equal("Teststraat", stored["address"]!["street"]!.GetValue<string>()); // the rest kept as it was
    }

    [Fact]
    public async Task An_edit_from_a_stale_version_shows_the_change_made_meanwhile()
    {
        var (locationId, _) = await NewLocationAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, AdminA, $"beheer/locaties/{locationId}");
        await page.GetByText("Openingstijden en IDO wijzigen").ClickAsync();
        await page.Locator("#veld-openingHours-0-closes").FillAsync("16:00");

        // Meanwhile a colleague changes the same location (version 1 → 2).
        var (status, _, _) = await platform.ApiAsync(AdminA, HttpMethod.Put, $"offers/v1/locations/{locationId}",
            LocationBody("Testvestiging intussen", [new { day = "friday", opens = "10:00", closes = "11:00" }]), ifMatch: "\"1\"");
        Assert.Equal(200, status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page.Locator("[role=alert]").First).ToContainTextAsync("intussen gewijzigd (nu versie 2)");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Testvestiging intussen");
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("vrijdag 10:00–11:00");
        await Expect(page.Locator("#veld-openingHours-0-day")).ToHaveValueAsync("friday"); // the form is the fresh version
        await Accessibility.AssertNoViolationsAsync(page, "a location's page after a stale edit");
        await Screenshots.TakeAsync(page, "beheer-locatie-intussen-gewijzigd");
        Assert.Equal(2, await VersionOfAsync($"offers/v1/locations/{locationId}"));

        // Saved again from the version shown: it goes through.
        await page.Locator("#veld-openingHours-0-closes").FillAsync("12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Wijziging opgeslagen.");
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("vrijdag 10:00–12:00");
    }

    [Fact]
    public async Task A_location_is_closed_not_in_the_future_and_its_history_says_so()
    {
        var (locationId, name) = await NewLocationAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, AdminA, $"beheer/locaties/{locationId}");
        await page.Locator("summary", new() { HasText = "Locatie sluiten" }).ClickAsync();
        await page.Locator("#veld-closedOn").FillAsync("2099-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Locatie sluiten" }).ClickAsync();
        await Expect(page.Locator("#veld-closedOn-fout")).ToHaveTextAsync("Ligt in de toekomst.");
        await Accessibility.AssertNoViolationsAsync(page, "closing a location with a date in the future");

        await page.Locator("#veld-closedOn").FillAsync("");
        await page.Locator("#veld-reason").FillAsync("Verhuisd naar het nieuwe cultuurhuis");
        await page.GetByRole(AriaRole.Button, new() { Name = "Locatie sluiten" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("De locatie is gesloten.");
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("Gesloten per");
        await Expect(page.Locator("summary")).ToHaveCountAsync(0); // closed is final
        await Expect(page.Locator(".geschiedenis > li").First).ToContainTextAsync("Gesloten (versie 2)");
        await Accessibility.AssertNoViolationsAsync(page, "a closed location");
        await Screenshots.TakeAsync(page, "beheer-locatie-gesloten");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Terug naar beheer" }).ClickAsync();
        await Expect(page.Locator("tr", new() { HasText = name })).ToContainTextAsync("Gesloten per");
        var (_, stored, _) = await platform.ApiAsync(AdminA, HttpMethod.Get, $"offers/v1/locations/{locationId}");
        Assert.True(stored!["closed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task An_offer_with_a_weekly_schedule_and_an_exception_is_drafted_published_and_withdrawn()
    {
        var (_, name) = await NewLocationAsync();
        var title = $"Inloopspreekuur {Guid.NewGuid():N}"[..24];
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, AdminA, "beheer");
        await page.GetByRole(AriaRole.Link, new() { Name = "Nieuw aanbod" }).ClickAsync();
        await page.WaitForURLAsync("**/beheer/aanbod/nieuw");
        await Accessibility.AssertNoViolationsAsync(page, "the new offer form");

        // Without a type, title or location: each reason at its field, nothing stored.
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();
        await Expect(page.Locator("#veld-title-fout")).ToBeVisibleAsync();
        await Expect(page.Locator("#veld-offerType-fout")).ToBeVisibleAsync();
        await Expect(page.Locator("#veld-locationIds-fout")).ToHaveTextAsync("Noem minstens één locatie.");
        await Accessibility.AssertNoViolationsAsync(page, "the new offer form with refused fields");
        await Screenshots.TakeAsync(page, "beheer-aanbod-fout");

        await page.Locator("#veld-offerType").SelectOptionAsync("ido-inloopspreekuur");
        await page.Locator("#veld-title").FillAsync(title);
        await page.GetByLabel(name).CheckAsync();
        await page.Locator("#veld-schedule-recurrences-0-frequency").SelectOptionAsync("weekly");
        await page.Locator("#veld-schedule-recurrences-0-day").SelectOptionAsync("tuesday");
        await page.Locator("#veld-schedule-recurrences-0-startTime").FillAsync("10:00");
        await page.Locator("#veld-schedule-recurrences-0-endTime").FillAsync("12:00");
        await page.Locator("#veld-schedule-recurrences-0-startsOn").FillAsync("2027-01-05");
        await page.GetByLabel("Uitzondering 1").FillAsync("2027-01-19");
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();
        await page.WaitForURLAsync("**/beheer/aanbod/*?melding=aangemaakt");
        var offerId = Guid.Parse(new Uri(page.Url).Segments.Last());
        await Expect(page.Locator(".aanbod-status")).ToContainTextAsync("Concept");
        await Expect(page.Locator(".rooster")).ToContainTextAsync("Elke week op dinsdag 10:00–12:00, vanaf 5 januari 2027");
        await Expect(page.Locator(".uitzonderingen")).ToHaveTextAsync("19 januari 2027");
        await Accessibility.AssertNoViolationsAsync(page, "a draft offer");
        await Screenshots.TakeAsync(page, "beheer-aanbod-concept");
        var (anonymous, _, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Get, $"offers/v1/offers/{offerId}");
        Assert.Equal(404, anonymous); // a draft is not public

        // The draft changed: a second exception (PUT with If-Match; what the form does not show is kept).
        await page.Locator("summary", new() { HasText = "Aanbod wijzigen" }).ClickAsync();
        await page.GetByLabel("Uitzondering 2").FillAsync("2027-01-26");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Wijziging opgeslagen.");
        await Expect(page.Locator(".uitzonderingen")).ToHaveTextAsync("19 januari 2027, 26 januari 2027");

        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Het aanbod is gepubliceerd.");
        await Expect(page.Locator(".aanbod-status")).ToContainTextAsync("Gepubliceerd");
        var (_, published, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Get, $"offers/v1/offers/{offerId}");
        Assert.Equal("published", published!["status"]!.GetValue<string>());
        Assert.Equal(["2027-01-19", "2027-01-26"], published["schedule"]!["exceptions"]!.AsArray().Select(d => d!.GetValue<string>()).ToArray());
        Assert.Equal("tuesday", published["schedule"]!["recurrences"]![0]!["day"]!.GetValue<string>());
        Assert.Contains("digid", published["themes"]!.AsArray().Select(t => t!.GetValue<string>())); // from the offer type

        await page.GetByText("Aanbod intrekken").ClickAsync();
        await page.Locator("#veld-reason").FillAsync("Vrijwilliger gestopt");
        await page.GetByRole(AriaRole.Button, new() { Name = "Intrekken" }).ClickAsync();
        await Expect(page.Locator("[role=status]")).ToHaveTextAsync("Het aanbod is ingetrokken.");
        await Expect(page.Locator(".aanbod-status")).ToContainTextAsync("Ingetrokken");
        var history = page.Locator(".geschiedenis > li");
        await Expect(history).ToHaveCountAsync(4);
        await Expect(history.Nth(0)).ToContainTextAsync("Ingetrokken (versie 4)");
        await Expect(history.Nth(1)).ToContainTextAsync("Gepubliceerd (versie 3)");
        await Expect(history.Nth(2)).ToContainTextAsync("Gewijzigd (versie 2)");
        await Expect(history.Nth(3)).ToContainTextAsync("Concept gemaakt (versie 1)");
        await Accessibility.AssertNoViolationsAsync(page, "a withdrawn offer with its history");
        await Screenshots.TakeAsync(page, "beheer-aanbod-ingetrokken");

        await page.GetByRole(AriaRole.Link, new() { Name = "← Terug naar beheer" }).ClickAsync();
        await Expect(page.Locator("tr", new() { HasText = title })).ToContainTextAsync("Ingetrokken");
    }

    [Fact]
    public async Task A_desk_account_gets_403_and_another_librarys_location_and_offer_are_out_of_reach()
    {
        var desk = await platform.NewPageAsync();
        await platform.SignInAsync(desk, WebPlatformFixture.DeskA);
        var response = await desk.GotoAsync(new Uri(platform.Platform.GatewayUrl, "beheer").ToString());
        Assert.Equal(403, response!.Status);
        await Expect(desk.Locator("h1")).ToHaveTextAsync("Geen toegang");

        var (locationId, _) = await NewLocationAsync();
        var offerId = await NewOfferAsync(locationId);
        var other = await platform.NewPageAsync();
        await platform.SignInAsync(other, AdminB, "beheer");
        await Expect(other.Locator("body")).Not.ToContainTextAsync("Testvestiging");
        response = await other.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"beheer/locaties/{locationId}").ToString());
        Assert.Equal(404, response!.Status);
        await Expect(other.Locator("h1")).ToHaveTextAsync("Locatie niet gevonden");
        await Accessibility.AssertNoViolationsAsync(other, "another library's location");
        response = await other.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"beheer/locaties/{WebPlatformFixture.GroningenCentrum}").ToString());
        Assert.Equal(404, response!.Status); // public and open, but not theirs to manage
        response = await other.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"beheer/aanbod/{offerId}").ToString());
        Assert.Equal(404, response!.Status);
        await Expect(other.Locator("h1")).ToHaveTextAsync("Aanbod niet gevonden");
    }

    [Fact]
    public async Task Every_admin_page_fits_360_px()
    {
        var (locationId, _) = await NewLocationAsync();
        // A Dutch compound word wider than the screen: it wraps instead of widening the page.
        var offerId = await NewOfferAsync(locationId, "Belastingaangifteondersteuningsspreekuur voor senioren");
        var page = await platform.NewPageAsync(width: 360, height: 780);
        await platform.SignInAsync(page, AdminA, "beheer");
        foreach (var (path, name) in new[]
                 {
                     ("beheer", "beheer-360"), ($"beheer/locaties/{locationId}", "beheer-locatie-360"),
                     ("beheer/aanbod/nieuw", "beheer-aanbod-nieuw-360"), ($"beheer/aanbod/{offerId}", "beheer-aanbod-360"),
                 })
        {
            await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, path).ToString());
            foreach (var details in await page.Locator("details").AllAsync())
                await details.EvaluateAsync("d => d.open = true");
            var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 360, $"{path} is {width} px wide at 360");
            await Accessibility.AssertNoViolationsAsync(page, $"{path} at 360 px");
            await Screenshots.TakeAsync(page, name);
        }
    }

    [Fact]
    public async Task While_the_offers_service_is_down_the_pages_say_so_instead_of_failing()
    {
        var (locationId, _) = await NewLocationAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, AdminA, "beheer");
        await platform.Platform.StopServiceAsync(PlatformService.Offers);
        try
        {
            var response = await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "beheer").ToString());
            Assert.Equal(200, response!.Status);
            await Expect(page.Locator("[role=alert]").First).ToContainTextAsync("De locaties kunnen nu niet worden opgehaald");
            await Expect(page.Locator("[role=alert]").Nth(1)).ToContainTextAsync("Het aanbod kan nu niet worden opgehaald");
            response = await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"beheer/locaties/{locationId}").ToString());
            Assert.Equal(503, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Locatie kan nu niet worden getoond");
            await Expect(page.Locator("main")).ToContainTextAsync("Het platform antwoordt nu niet");
            await Accessibility.AssertNoViolationsAsync(page, "a location's page while offers is down");
            await Screenshots.TakeAsync(page, "beheer-dienst-weg");
        }
        finally
        {
            await platform.Platform.StartServiceAsync(PlatformService.Offers);
        }
    }

    private static int Counter;

    /// <summary>A location of organisation A of its own (no IDO yet; its name sorts after the seeded ones).</summary>
    private async Task<(string LocationId, string Name)> NewLocationAsync()
    {
        var name = $"Testvestiging {Interlocked.Increment(ref Counter)}-{Guid.NewGuid().ToString("N")[..4]}";
        var (status, json, _) = await platform.ApiAsync(AdminA, HttpMethod.Post, "offers/v1/locations",
            LocationBody(name, [new { day = "tuesday", opens = "10:00", closes = "17:00" }]));
        Assert.True(status == 201, $"Registering a location answered {status}: {json}");
        return (json!["locationId"]!.GetValue<string>(), name);
    }

    private static object LocationBody(string name, object[] openingHours) => new
    {
        name,
        kind = "vestiging",
        address = new { street = "Teststraat", houseNumber = 7, postcode = "9711AB", city = "Groningen" },
        municipality = new { code = "GM0014", name = "Groningen" },
        province = "Groningen",
        coordinates = new { latitude = 53.2167, longitude = 6.5696 },
        openingHours,
        ido = new { hasIdo = false },
    };

    private async Task<Guid> NewOfferAsync(string locationId, string title = "Klik & Tik")
    {
        var (status, json, _) = await platform.ApiAsync(AdminA, HttpMethod.Post, "offers/v1/offers", new
        {
            locationIds = new[] { locationId },
            offerType = "ido-inloopspreekuur",
            title,
            schedule = new { recurrences = new[] { new { frequency = "weekly", day = "wednesday", startTime = "14:00", endTime = "16:00", startsOn = "2027-01-06" } } },
        });
        Assert.True(status == 201, $"Drafting an offer answered {status}: {json}");
        return json!["offerId"]!.GetValue<Guid>();
    }

    private async Task<long> VersionOfAsync(string path)
    {
        var (_, _, etag) = await platform.ApiAsync(AdminA, HttpMethod.Get, path);
        return long.Parse(etag!.Trim('"'));
    }
}

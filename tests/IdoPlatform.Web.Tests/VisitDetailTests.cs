using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>A visit's own page: history, a correction made from a stale version (412: "changed meanwhile" with the new
/// version), voiding, and another organisation's visit out of reach.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class VisitDetailTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task A_correction_from_a_stale_version_shows_the_change_meanwhile_then_the_visit_is_voided()
    {
        var visitId = await platform.RegisterByApiAsync(WebPlatformFixture.DeskA, WebPlatformFixture.Winsum, "digid");
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        await page.GetByRole(AriaRole.Link, new() { Name = "DigiD" }).First.ClickAsync();
        await page.WaitForURLAsync($"**/balie/bezoeken/{visitId}");
        await Expect(page.Locator(".geschiedenis")).ToContainTextAsync("Geregistreerd");

        await page.GetByText("Corrigeren", new() { Exact = true }).ClickAsync();
        await page.SelectOptionAsync("select[name='questions[0].topic']", "mijnoverheid");
        await page.GetByLabel("Reden van de correctie").FillAsync("Onderwerp verkeerd gekozen");
        await Accessibility.AssertNoViolationsAsync(page, "the visit page with the correction form open");
        await Screenshots.TakeAsync(page, "bezoek-correctie");

        // Meanwhile a colleague corrects the same visit (version 1 → 2).
        var (status, _, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Put, $"registrations/v1/visits/{visitId}", new
        {
            locationId = WebPlatformFixture.Winsum,
            channel = "phone",
            questions = new[] { new { topic = "digid", domain = "digital-government", durationBand = "10-20", helpGiven = new[] { "explained" } } },
            reason = "Was telefonisch",
        }, ifMatch: "\"1\"");
        Assert.Equal(200, status);

        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        var alert = page.Locator("#bezoek-detail [role=alert]");
        await Expect(alert).ToContainTextAsync("intussen gewijzigd");
        await Expect(alert).ToContainTextAsync("versie 2");
        await Expect(alert).ToBeFocusedAsync(); // the news, not <body> far above it
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("Telefonisch"); // the new version is shown
        await Expect(page.GetByLabel("Reden van de correctie")).ToHaveValueAsync("Onderwerp verkeerd gekozen");
        await Accessibility.AssertNoViolationsAsync(page, "the visit page after a stale correction");
        await Screenshots.TakeAsync(page, "bezoek-intussen-gewijzigd");

        // Corrected again from the version now shown: it goes through.
        await page.SelectOptionAsync("select[name='questions[0].topic']", "mijnoverheid");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        await Expect(page.Locator("#bezoek-detail [role=status]")).ToContainTextAsync("Correctie opgeslagen");
        await Expect(page.Locator("#bezoek-detail [role=status]")).ToBeFocusedAsync(); // the keyboard starts at what it says
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("MijnOverheid");

        // A void without a reason is refused at the field, then with one it goes through.
        await page.GetByText("Laten vervallen", new() { Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Laten vervallen" }).ClickAsync();
        await Expect(page.Locator("#vervallen-reden-fout")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Reden om te laten vervallen")).ToBeFocusedAsync();
        await page.GetByLabel("Reden om te laten vervallen").FillAsync("Dubbel geregistreerd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Laten vervallen" }).ClickAsync();
        await Expect(page.Locator("#bezoek-detail [role=status]")).ToContainTextAsync("Het bezoek is vervallen");
        await Expect(page.Locator(".geschiedenis > li")).ToHaveCountAsync(4);
        await Expect(page.Locator(".geschiedenis")).ToContainTextAsync("Dubbel geregistreerd");
        await Expect(page.Locator(".geschiedenis")).ToContainTextAsync("Status: Geregistreerd → Vervallen"); // as the Status line says it
        await Accessibility.AssertNoViolationsAsync(page, "the visit page with its history");
        await Screenshots.TakeAsync(page, "bezoek-geschiedenis");

        var (_, visit, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Get, $"registrations/v1/visits/{visitId}");
        Assert.Equal("voided", visit!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_note_erased_by_the_platform_admin_reads_as_removed_on_the_visit_and_in_its_history()
    {
        const string slipped = "Meneer kwam met zijn zoon Pieter";
        var (status, json, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Post, "registrations/v1/visits", new
        {
            locationId = WebPlatformFixture.Winsum,
            channel = "in-person",
            questions = new[] { new { topic = "digid", domain = "digital-government", durationBand = "10-20", helpGiven = new[] { "explained" } } },
            note = slipped,
        });
        Assert.True(status == 201, $"Registering by API answered {status}: {json}");
        var visitId = json!["id"]!.GetValue<Guid>();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        var visitPage = new Uri(platform.DeskPage, $"balie/bezoeken/{visitId}").ToString();
        await page.GotoAsync(visitPage);
        await Expect(page.Locator(".gegevens")).ToContainTextAsync(slipped);

        (status, json, _) = await platform.ApiAsync(WebPlatformFixture.PlatformAdmin, HttpMethod.Post,
            $"registrations/v1/visits/{visitId}/note-erasure", new { reason = "De notitie noemde een familielid" });
        Assert.True(status == 200, $"Erasing the note answered {status}: {json}");

        await page.GotoAsync(visitPage);
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("verwijderd");
        var latest = page.Locator(".geschiedenis > li").First;
        await Expect(latest).ToContainTextAsync("Notitie verwijderd (versie 2)");
        await Expect(latest).ToContainTextAsync("De notitie noemde een familielid");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Pieter");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("note-erased");
        await Accessibility.AssertNoViolationsAsync(page, "the visit page after its note was erased");
        await Screenshots.TakeAsync(page, "bezoek-notitie-verwijderd");
    }

    [Fact]
    public async Task A_refused_correction_takes_focus_to_its_error_summary()
    {
        var visitId = await platform.RegisterByApiAsync(WebPlatformFixture.DeskA, WebPlatformFixture.Winsum, "toeslagen");
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA, $"balie/bezoeken/{visitId}");
        await page.GetByText("Corrigeren", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Notitie").FillAsync("Belt terug op 06-12345678"); // personal data: refused
        await page.GetByLabel("Reden van de correctie").FillAsync("Notitie aangevuld");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        var summary = page.Locator("#bezoek-detail [data-foutoverzicht]");
        await Expect(summary).ToContainTextAsync("Notitie");
        await Expect(summary).ToBeFocusedAsync();
        await Accessibility.AssertNoViolationsAsync(page, "the visit page with a refused correction");
        await Screenshots.TakeAsync(page, "bezoek-correctie-fout");
    }

    [Fact]
    public async Task Another_organisations_visit_cannot_be_reached()
    {
        var visitId = await platform.RegisterByApiAsync(WebPlatformFixture.DeskA, WebPlatformFixture.Winsum, "huur");
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskB);
        var response = await page.GotoAsync(new Uri(platform.DeskPage, $"balie/bezoeken/{visitId}").ToString());
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Bezoek niet gevonden");
        await Expect(page.Locator("#bezoeken")).ToHaveCountAsync(0);

        // Posting a void to it directly changes nothing either.
        var (_, visit, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Get, $"registrations/v1/visits/{visitId}");
        Assert.Equal("registered", visit!["status"]!.GetValue<string>());
    }
}

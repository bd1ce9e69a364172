using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>The admin pages' messages in the admin's words: no API field names, an empty time asked for, labels that
/// match the error summary, and a Dutch role on the 403 page.</summary>
public sealed partial class LibraryAdminTests
{
    [Fact]
    public async Task Refusals_name_fields_by_their_Dutch_labels_and_ask_for_an_empty_time()
    {
        var (locationId, name) = await NewLocationAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, AdminA, "beheer/aanbod/nieuw");
        await page.Locator("#veld-offerType").SelectOptionAsync("ido-inloopspreekuur");
        await page.Locator("#veld-title").FillAsync("Spreekuur met verkeerde datums");
        await page.GetByLabel(name).CheckAsync();
        await page.Locator("#veld-validFrom").FillAsync("2027-02-01");
        await page.Locator("#veld-validTo").FillAsync("2027-01-01");
        await page.Locator("#veld-schedule-sessions-0-date").FillAsync("2027-01-10");
        await page.Locator("#veld-schedule-sessions-0-startTime").FillAsync("10:00"); // its end time left empty
        await page.Locator("#veld-schedule-recurrences-0-startTime").FillAsync("14:00"); // the API checks it after the dates
        await page.Locator("#veld-schedule-recurrences-0-startsOn").FillAsync("2027-01-01"); // not after 'Geldig tot en met'
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();

        await Expect(page.Locator("#veld-validTo-fout")).ToHaveTextAsync("Ligt vóór 'Geldig vanaf'.");
        await Expect(page.Locator("#veld-schedule-sessions-0-date-fout")).ToHaveTextAsync("Ligt vóór 'Geldig vanaf'.");
        await Expect(page.Locator("#veld-schedule-sessions-0-endTime-fout")).ToContainTextAsync("Verplicht");
        var summary = page.Locator(".foutoverzicht");
        await Expect(summary).ToContainTextAsync("Losse datum 1: eindigt om");
        await Expect(page.GetByLabel("Losse datum 1: datum")).ToHaveCountAsync(1); // the form says what the summary says
        await Expect(summary.Locator("li")).ToContainTextAsync(
            ["Geldig tot en met", "Herhaling 1: eindigt om", "Losse datum 1: datum", "Losse datum 1: eindigt om"]); // as the form reads
        await Expect(summary).Not.ToContainTextAsync("validFrom");
        await Expect(summary).Not.ToContainTextAsync("HH:mm");
        await Accessibility.AssertNoViolationsAsync(page, "the new offer form refused in Dutch");
        await Screenshots.TakeAsync(page, "beheer-aanbod-fout-nederlands");

        // A location's opening hours: only "Open vanaf" filled → "Open tot" is asked for; rows labelled as the summary names them.
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"beheer/locaties/{locationId}").ToString());
        await page.GetByText("Openingstijden en IDO wijzigen").ClickAsync();
        await Expect(page.GetByLabel("Openingstijd 2: dag")).ToHaveCountAsync(1);
        await page.Locator("#veld-openingHours-1-opens").FillAsync("13:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync();
        await Expect(page.Locator("#veld-openingHours-1-closes-fout")).ToContainTextAsync("Verplicht");
        await Expect(page.Locator(".foutoverzicht")).ToContainTextAsync("Openingstijd 2: open tot");
        await Expect(page.Locator(".foutoverzicht")).Not.ToContainTextAsync("HH:mm");
        await Screenshots.TakeAsync(page, "beheer-locatie-fout-nederlands");

        // Another area's page: the role in Dutch, not its code.
        var desk = await platform.NewPageAsync();
        await platform.SignInAsync(desk, Fixture.WebPlatformFixture.DeskA);
        await desk.GotoAsync(new Uri(platform.Platform.GatewayUrl, "beheer").ToString());
        await Expect(desk.Locator("main")).ToContainTextAsync("u bent aangemeld als baliemedewerker");
        await Expect(desk.Locator("main")).Not.ToContainTextAsync("rol: desk");
        await Screenshots.TakeAsync(desk, "geen-toegang");
    }
}

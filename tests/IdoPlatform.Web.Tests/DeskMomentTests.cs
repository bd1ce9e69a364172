using System.Globalization;
using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>A visit's moment on the desk pages: another moment than now when registering ("Ander tijdstip", Dutch
/// time), a changed moment in a correction (API and history), and a future one refused at the field without the script.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class DeskMomentTests(WebPlatformFixture platform)
{
    private static DateOnly Today => DutchCalendar.Today(TimeProvider.System);

    /// <summary>The instant a Dutch clock shows <paramref name="time"/> on <paramref name="day"/> (no clock-change hour).</summary>
    private static DateTimeOffset Dutch(DateOnly day, int hour, int minute) =>
        DutchTime.FromLocal(day.ToDateTime(new TimeOnly(hour, minute))).Moment!.Value;

    [Fact]
    public async Task A_visit_registered_with_another_moment_is_stored_at_that_dutch_time()
    {
        var note = $"Ander tijdstip {Marker.Letters(11)}";
        var yesterday = Today.AddDays(-1);
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        await page.SelectOptionAsync("select[name=locationId]", WebPlatformFixture.Winsum);
        await page.SelectOptionAsync("select[name='questions[0].topic']", "digid");
        await page.SelectOptionAsync("select[name='questions[0].durationBand']", "10-20");
        await page.GetByLabel("Notitie").FillAsync(note);
        await Expect(page.GetByLabel("Datum")).ToBeHiddenAsync(); // collapsed: "now" costs nothing
        await page.GetByText("Ander tijdstip", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Datum").FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Tijd", new() { Exact = true }).FillAsync("14:30");
        await Accessibility.AssertNoViolationsAsync(page, "the register form with another moment");
        await Screenshots.TakeAsync(page, "balie-ander-tijdstip-1280");

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Bezoek opgeslagen");
        var visit = Assert.Single(await platform.VisitsWithNoteAsync(note));
        Assert.Equal(Dutch(yesterday, 14, 30), visit!["occurredAt"]!.GetValue<DateTimeOffset>());
        await Expect(page.GetByLabel("Datum")).ToBeHiddenAsync(); // the next visitor is "now" again
        await Expect(page.GetByLabel("Datum")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_corrected_moment_reaches_the_api_and_the_history_in_dutch_time()
    {
        var visitId = await platform.RegisterByApiAsync(WebPlatformFixture.DeskA, WebPlatformFixture.Winsum, "huur");
        var registered = (await platform.VisitAsync(visitId))["occurredAt"]!.GetValue<DateTimeOffset>();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA, $"balie/bezoeken/{visitId}");
        await page.GetByText("Corrigeren", new() { Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Datum")).ToHaveValueAsync(DutchTime.DateField(registered)); // the visit's own, Dutch
        await Expect(page.GetByLabel("Tijd", new() { Exact = true })).ToHaveValueAsync(DutchTime.Clock(registered));

        var earlier = Today.AddDays(-2);
        await page.GetByLabel("Datum").FillAsync(earlier.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.GetByLabel("Tijd", new() { Exact = true }).FillAsync("09:15");
        await page.GetByLabel("Reden van de correctie").FillAsync("Gisteren vergeten te registreren");
        await Accessibility.AssertNoViolationsAsync(page, "the correction form with its date and time");
        await Screenshots.TakeAsync(page, "bezoek-correctie-tijdstip-1280");
        await page.SetViewportSizeAsync(360, 780);
        await Screenshots.TakeAsync(page, "bezoek-correctie-tijdstip-360");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the visit page scrolls sideways by {overflow} px at 360 px");

        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        await Expect(page.Locator("#bezoek-detail [role=status]")).ToContainTextAsync("Correctie opgeslagen");
        var expected = Dutch(earlier, 9, 15);
        Assert.Equal(expected, (await platform.VisitAsync(visitId))["occurredAt"]!.GetValue<DateTimeOffset>());
        await Expect(page.Locator("h1")).ToHaveTextAsync($"Bezoek van {DutchTime.DayAndClock(expected)}");
        await Expect(page.Locator(".geschiedenis > li").First).ToContainTextAsync(
            $"Tijdstip: {DutchTime.DayAndClock(registered)} → {DutchTime.DayAndClock(expected)}");
        await Accessibility.AssertNoViolationsAsync(page, "the visit page after a corrected moment at 360 px");
        await page.SetViewportSizeAsync(1280, 900);
        await Screenshots.TakeAsync(page, "bezoek-tijdstip-geschiedenis-1280");
    }

    [Fact]
    public async Task A_future_moment_is_refused_at_the_field_without_javascript_and_nothing_is_stored()
    {
        var note = $"Morgen {Marker.Letters(13)}";
        var page = await platform.NewPageAsync(width: 360, height: 780, javaScript: false);
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        await page.SelectOptionAsync("select[name=locationId]", WebPlatformFixture.Winsum);
        await page.SelectOptionAsync("select[name='questions[0].topic']", "digid");
        await page.SelectOptionAsync("select[name='questions[0].durationBand']", "10-20");
        await page.GetByLabel("Notitie").FillAsync(note);
        await page.GetByText("Ander tijdstip", new() { Exact = true }).ClickAsync();
        var tomorrow = Today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await page.GetByLabel("Datum").FillAsync(tomorrow);
        await page.GetByLabel("Tijd", new() { Exact = true }).FillAsync("10:00");
        var response = await page.RunAndWaitForResponseAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync(), r => r.Request.Method == "POST");

        Assert.Equal(400, response.Status);
        await Expect(page.Locator("#veld-occurredAt-fout")).ToContainTextAsync("toekomst");
        await Expect(page.GetByLabel("Datum")).ToBeVisibleAsync(); // "Ander tijdstip" open at its refusal
        await Expect(page.GetByLabel("Datum")).ToHaveValueAsync(tomorrow); // kept to correct
        await Expect(page.GetByLabel("Datum")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("[data-foutoverzicht] a[href='#veld-occurredAt']")).ToHaveTextAsync("Tijdstip");
        await Screenshots.TakeAsync(page, "balie-ander-tijdstip-fout-360");
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, "the desk page with a refused moment at 360 px");
        Assert.Empty(await platform.VisitsWithNoteAsync(note));
    }
}

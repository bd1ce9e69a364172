using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>The desk page in a browser without JavaScript (off, blocked, or failed to load): plain form posts get whole
/// pages, a saved one a redirect (so reloading registers nothing twice), a refused one the page with its errors.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed partial class DeskNoScriptTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task A_visit_registered_without_javascript_lands_on_the_desk_page_and_a_resent_form_registers_it_once()
    {
        var note = $"Zonder script {Marker.Letters(10)}";
        var page = await platform.NewPageAsync(javaScript: false);
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        await page.SelectOptionAsync("select[name=locationId]", WebPlatformFixture.Winsum);
        await page.SelectOptionAsync("select[name='questions[0].topic']", "digid");
        await page.SelectOptionAsync("select[name='questions[0].durationBand']", "10-20");
        await page.GetByLabel("Notitie").FillAsync(note);
        string? sent = null;
        page.Request += (_, request) => { if (request.Method == "POST") sent = request.PostData; };
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        await page.WaitForURLAsync("**/balie?geregistreerd=*");
        await ExpectWholeDeskPageAsync(page);
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Bezoek opgeslagen");
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Demobibliotheek Winsum");
        await Expect(page.Locator(".bevestiging")).ToBeFocusedAsync(); // a screen reader reads what was saved first
        await Expect(page.Locator("select[name=locationId]")).ToHaveValueAsync(WebPlatformFixture.Winsum); // remembered
        await Screenshots.TakeAsync(page, "balie-zonder-script-opgeslagen");
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, "the desk page without JavaScript after saving");

        await page.ReloadAsync();
        await page.ReloadAsync();
        Assert.Single(await platform.VisitsWithNoteAsync(note));

        // The same form sent again (a second click, a reload of the POST's answer): the form's key makes it the same visit.
        Assert.NotNull(sent);
        var again = await page.APIRequest.PostAsync(new Uri(platform.DeskPage, "balie/bezoeken").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = sent,
            MaxRedirects = 0,
        });
        Assert.Equal(303, again.Status);
        var visits = await platform.VisitsWithNoteAsync(note);
        Assert.Single(visits);
        Assert.EndsWith($"geregistreerd={visits[0]!["id"]}", again.Headers["location"]);
    }

    [Fact]
    public async Task A_refused_registration_without_javascript_shows_the_whole_page_with_its_errors_and_questions_can_be_added()
    {
        var page = await platform.NewPageAsync(javaScript: false);
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        await page.SelectOptionAsync("select[name=locationId]", WebPlatformFixture.Winsum);
        var response = await page.RunAndWaitForResponseAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync(), r => r.Request.Method == "POST"); // no topic, no duration
        Assert.Equal(400, response.Status);
        await ExpectWholeDeskPageAsync(page);
        await Expect(page.Locator("[data-foutoverzicht]")).ToContainTextAsync("Vraag 1: onderwerp");
        await Expect(page.Locator("[data-foutoverzicht]")).ToBeFocusedAsync();
        await Expect(page.Locator("#veld-questions-0-topic-fout")).ToContainTextAsync("Verplicht");
        await Expect(page.Locator("select[name=locationId]")).ToHaveValueAsync(WebPlatformFixture.Winsum); // kept to correct
        await Screenshots.TakeAsync(page, "balie-zonder-script-fout");
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, "the desk page without JavaScript after a refusal");

        // "Vraag toevoegen" and "Vraag verwijderen" go by the server: the form comes back with one more or one fewer.
        await page.SelectOptionAsync("select[name='questions[0].topic']", "huur");
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag toevoegen" }).ClickAsync();
        await Expect(page.Locator("[data-vragen] [data-vraag]")).ToHaveCountAsync(2);
        await Expect(page.Locator("select[name='questions[0].topic']")).ToHaveValueAsync("huur");
        await Expect(page.Locator("[data-foutoverzicht]")).ToHaveCountAsync(0); // nothing was sent to be saved
        await page.GetByRole(AriaRole.Group, new() { Name = "Vraag 2", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = "Vraag verwijderen" }).ClickAsync();
        await Expect(page.Locator("[data-vragen] [data-vraag]")).ToHaveCountAsync(1);

        // Enter in a field saves (not "Vraag toevoegen", the first button after the questions).
        await page.SelectOptionAsync("select[name='questions[0].durationBand']", "0-10");
        await page.GetByLabel("Verwijscode").PressAsync("Enter");
        await page.WaitForURLAsync("**/balie?geregistreerd=*");
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Huur");
    }

    [Fact]
    public async Task Without_javascript_a_visit_is_corrected_voided_and_undone_on_whole_pages()
    {
        var visitId = await platform.RegisterByApiAsync(WebPlatformFixture.DeskA, WebPlatformFixture.Winsum, "toeslagen");
        var page = await platform.NewPageAsync(javaScript: false);
        await platform.SignInAsync(page, WebPlatformFixture.DeskA, $"balie/bezoeken/{visitId}");

        // A correction without a reason is refused: the whole visit page, the form open with the reason at its field.
        await page.GetByText("Corrigeren", new() { Exact = true }).ClickAsync();
        await page.SelectOptionAsync("select[name='questions[0].topic']", "huur");
        var response = await page.RunAndWaitForResponseAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await ExpectWholePageAsync(page, "Bezoek");
        await Expect(page.Locator("#veld-reason-fout")).ToBeVisibleAsync();
        await Expect(page.Locator("select[name='questions[0].topic']")).ToHaveValueAsync("huur");
        await Screenshots.TakeAsync(page, "bezoek-zonder-script-fout");
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, "the visit page without JavaScript after a refused correction");

        await page.GetByLabel("Reden van de correctie").FillAsync("Onderwerp verkeerd gekozen");
        await page.GetByRole(AriaRole.Button, new() { Name = "Correctie opslaan" }).ClickAsync();
        await page.WaitForURLAsync($"**/balie/bezoeken/{visitId}?melding=gecorrigeerd");
        await ExpectWholePageAsync(page, "Bezoek");
        await Expect(page.Locator("#bezoek-detail [role=status]")).ToContainTextAsync("Correctie opgeslagen");
        await Expect(page.Locator(".gegevens")).ToContainTextAsync("Huur");

        await page.GetByText("Laten vervallen", new() { Exact = true }).First.ClickAsync();
        await page.GetByLabel("Reden om te laten vervallen").FillAsync("Dubbel geregistreerd");
        await page.GetByRole(AriaRole.Button, new() { Name = "Laten vervallen" }).ClickAsync();
        await page.WaitForURLAsync($"**/balie/bezoeken/{visitId}?melding=vervallen");
        await Expect(page.Locator("#bezoek-detail [role=status]")).ToContainTextAsync("Het bezoek is vervallen");
        await Screenshots.TakeAsync(page, "bezoek-zonder-script-vervallen");
        await Accessibility.AssertNoViolationsWithoutScriptAsync(page, "the visit page without JavaScript after voiding");
        Assert.Equal("voided", (await platform.VisitAsync(visitId))["status"]!.GetValue<string>());

        // The confirmation's undo, after a registration by the form.
        await page.GotoAsync(platform.DeskPage.ToString());
        await page.SelectOptionAsync("select[name=locationId]", WebPlatformFixture.Winsum);
        await page.SelectOptionAsync("select[name='questions[0].topic']", "toeslagen");
        await page.SelectOptionAsync("select[name='questions[0].durationBand']", "0-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await page.WaitForURLAsync("**/balie?geregistreerd=*");
        var registered = Guid.Parse(page.Url.Split("geregistreerd=")[1]);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ongedaan maken" }).ClickAsync();
        await page.WaitForURLAsync("**/balie?melding=ongedaan");
        await ExpectWholeDeskPageAsync(page);
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Registratie ongedaan gemaakt");
        Assert.Equal("voided", (await platform.VisitAsync(registered))["status"]!.GetValue<string>());
    }

    /// <summary>A whole desk page (layout, stylesheet, title, menu), not a fragment.</summary>
    private static async Task ExpectWholeDeskPageAsync(IPage page)
    {
        await ExpectWholePageAsync(page, "Bezoek registreren");
        await Expect(page.Locator("#bezoeken")).ToBeVisibleAsync();
    }

    private static async Task ExpectWholePageAsync(IPage page, string title)
    {
        await Expect(page).ToHaveTitleAsync($"{title} – IDO-balie");
        await Expect(page.Locator("link[rel=stylesheet][href='/static/ido.css']")).ToHaveCountAsync(1);
        await Expect(page.Locator("header.kop")).ToBeVisibleAsync();
        await Expect(page.Locator("h1")).ToHaveCountAsync(1);
    }
}

using System.Text.RegularExpressions;
using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>The desk page: sign in, register a visit by keyboard (counted), the PII screen's refusal at the note, a
/// narrow phone screen, and the CSP.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class DeskPageTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task A_signed_in_desk_registers_a_one_question_visit_by_keyboard_in_at_most_twelve_key_presses()
    {
        var page = await platform.NewPageAsync();
        await page.GotoAsync(platform.DeskPage.ToString());
        Assert.Contains("/aanmelden?ReturnUrl=%2Fbalie", page.Url); // not signed in: the sign-in page, through the gateway
        await Accessibility.AssertNoViolationsAsync(page, "the sign-in page");
        await Screenshots.TakeAsync(page, "aanmelden");
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);

        // Empty form: focus is on the first field (location; organisation A has three, none remembered yet).
        var location = page.Locator("select[name=locationId]");
        await Expect(location).ToBeFocusedAsync();
        var keys = new CountingKeyboard(page);
        await keys.PressAsync("ArrowDown");          // the first location (Groningen Centrum)
        await keys.PressAsync("Tab", "Tab");         // past the channel (default: aan de balie) to the topic
        await keys.PressAsync("d");                  // DigiD
        await keys.PressAsync("Tab", "1");           // duration: 10 tot 20 minuten
        await keys.PressAsync("Enter");              // save (help given defaults to "uitleg gegeven")

        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Bezoek opgeslagen");
        Assert.True(keys.Presses <= 12, $"{keys.Presses} key presses");
        platform.Say($"one-question visit saved with {keys.Presses} key presses");
        await Expect(location).ToBeFocusedAsync();
        await Expect(location).ToHaveValueAsync(WebPlatformFixture.GroningenCentrum); // kept for the next visitor
        await Expect(page.Locator("#bezoeken")).ToContainTextAsync("DigiD");
        await Expect(page.Locator("#bezoeken")).ToContainTextAsync("Demobibliotheek Groningen Centrum");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Ongedaan maken" })).ToBeVisibleAsync();

        // The next visitor, location remembered: five presses.
        var next = new CountingKeyboard(page);
        await next.PressAsync("Tab", "Tab", "b", "Tab", "2", "Enter"); // Belastingen, 20 tot 30 minuten
        await Expect(page.Locator("#bezoeken")).ToContainTextAsync("Belastingen");
        await Accessibility.AssertNoViolationsAsync(page, "the desk page after saving");
        await Screenshots.TakeAsync(page, "balie-desktop");

        // The confirmation's undo voids the visit just saved.
        await page.GetByRole(AriaRole.Button, new() { Name = "Ongedaan maken" }).ClickAsync();
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Registratie ongedaan gemaakt");
        await Expect(page.Locator("#bezoeken .vervallen", new() { HasText = "Belastingen" })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Personal_data_in_the_note_is_refused_with_the_reason_at_the_note_and_nothing_is_saved()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        await page.SelectOptionAsync("select[name=locationId]", WebPlatformFixture.Stadskanaal);
        await page.SelectOptionAsync("select[name='questions[0].topic']", "toeslagen");
        await page.SelectOptionAsync("select[name='questions[0].durationBand']", "0-10");
        await page.GetByLabel("Notitie").FillAsync("Mevrouw belt terug op 06-12345678");
        await page.SelectOptionAsync("select[name='questions[0].referredTo']", "taalhuis"); // without "Doorverwezen" ticked
        await page.GetByRole(AriaRole.Button, new() { Name = "Vraag toevoegen" }).ClickAsync();
        await Expect(page.Locator("select[name='questions[1].topic']")).ToBeFocusedAsync(); // question 2, topic left empty
        var visitsBefore = await VisitsAt(WebPlatformFixture.Stadskanaal); // other tests register there too
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

        var noteError = page.Locator("#veld-note-fout");
        await Expect(noteError).ToBeVisibleAsync();
        await Expect(noteError).ToContainTextAsync(new Regex("telefoon", RegexOptions.IgnoreCase));
        await Expect(page.Locator("#veld-note")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#veld-note")).ToHaveValueAsync("Mevrouw belt terug op 06-12345678"); // kept to correct
        await Expect(page.Locator("[data-foutoverzicht]")).ToContainTextAsync("Notitie");
        // Every refusal at its own field: question 2's missing topic too, and the form kept both questions.
        await Expect(page.Locator("#veld-questions-1-topic-fout")).ToContainTextAsync("Verplicht");
        await Expect(page.Locator("[data-foutoverzicht]")).ToContainTextAsync("Vraag 2: onderwerp");
        // A referral target without "Doorverwezen": said in the desk's words, not the API's codes.
        await Expect(page.Locator("#veld-questions-0-referredTo-fout")).ToHaveTextAsync(IdoPlatform.Web.Desk.FieldErrors.OnlyWhenReferred);
        await Expect(page.Locator("select[name='questions[0].topic']")).ToHaveValueAsync("toeslagen");
        await Expect(page.Locator("#wachtrij")).ToBeHiddenAsync(); // refused for good: not queued
        await Accessibility.AssertNoViolationsAsync(page, "the desk page showing a refused note");
        await Screenshots.TakeAsync(page, "balie-pii-refused");

        Assert.Equal(visitsBefore, await VisitsAt(WebPlatformFixture.Stadskanaal)); // nothing saved

        // Corrected (note emptied, question 2 filled in), the two-question visit is saved and the next visitor gets an
        // empty form, not the refused one.
        await page.GetByLabel("Notitie").FillAsync("");
        await page.SelectOptionAsync("select[name='questions[0].referredTo']", "");
        await page.SelectOptionAsync("select[name='questions[1].topic']", "huur");
        await page.SelectOptionAsync("select[name='questions[1].durationBand']", "0-10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Toeslagen, Huur");
        await Expect(page.Locator("[data-vraag]")).ToHaveCountAsync(1);
        await Expect(page.Locator("select[name='questions[0].topic']")).ToHaveValueAsync("");
        await Expect(page.Locator("select[name=locationId]")).ToHaveValueAsync(WebPlatformFixture.Stadskanaal);
    }

    [Fact]
    public async Task A_referral_code_is_checked_while_the_desk_types_it()
    {
        var (status, referral, _) = await platform.ApiAsync("uwv", HttpMethod.Post, "referrals/v1/referrals",
            new { agency = "uwv", topic = "uwv-uitkering", locationId = WebPlatformFixture.GroningenCentrum, method = "named-place" });
        Assert.True(status == 201, $"issuing a referral answered {status}: {referral}");
        var code = referral!["code"]!.GetValue<string>();

        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        var field = page.GetByLabel("Verwijscode");
        var verdict = page.Locator("#verwijscode-status");
        await field.PressSequentiallyAsync("ABCD-2345");
        await Expect(verdict).ToHaveTextAsync(Pages.Balie.IndexModel.UnknownCode);
        await field.FillAsync("");
        await field.PressSequentiallyAsync("ABCD-234I"); // I is not in the codes' alphabet
        await Expect(verdict).ToHaveTextAsync("Geen verwijscode: 8 tekens, zoals K7QF-2M9D.");
        await field.FillAsync("");
        await field.PressSequentiallyAsync(code.ToLowerInvariant());
        await Expect(verdict).ToHaveTextAsync("Geldige verwijscode.");

        // Another library's desk is not told the code exists, nor that it is wrong: saving it still records the arrival.
        var other = await platform.NewPageAsync();
        await platform.SignInAsync(other, WebPlatformFixture.DeskB);
        await other.GetByLabel("Verwijscode").PressSequentiallyAsync(code);
        await Expect(other.Locator("#verwijscode-status")).ToHaveTextAsync(Pages.Balie.IndexModel.UnknownCode);
    }

    [Fact]
    public async Task The_desk_page_is_usable_360_pixels_wide()
    {
        var page = await platform.NewPageAsync(width: 360, height: 780);
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"the page scrolls sideways by {overflow} px at 360 px");
        var save = page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" });
        await save.ScrollIntoViewIfNeededAsync();
        var box = await save.BoundingBoxAsync();
        Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 360, $"the save button is off screen: {box?.X}+{box?.Width}");
        await Accessibility.AssertNoViolationsAsync(page, "the desk page at 360 px");
        await Screenshots.TakeAsync(page, "balie-360px");
    }

    [Fact]
    public async Task The_content_security_policy_refuses_an_injected_inline_script()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        var response = await page.ReloadAsync();
        var csp = await response!.HeaderValueAsync("content-security-policy");
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);

        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };
        try
        {
            // Unlike EvaluateAsync, a script tag is subject to the page's CSP.
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = "window.injected = 'ran';" });
        }
        catch (PlaywrightException)
        {
            // Playwright may report the refused script as a failure; what counts is that it did not run.
        }
        Assert.Equal("not run", await page.EvaluateAsync<string>("() => window.injected ?? 'not run'"));
        // The page's own scripts did run: the send queue's script put focus on the first field.
        await Expect(page.Locator("select[name=locationId]")).ToBeFocusedAsync();
    }

    private async Task<int> VisitsAt(string location)
    {
        var (status, json, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Get,
            $"registrations/v1/visits?locationId={location}&pageSize=100");
        Assert.Equal(200, status);
        return json!["items"]!.AsArray().Count;
    }
}

using System.Net;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Library;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>Input the admin forms never send (a crafted or broken post: a row number the page never writes, a field of
/// one value twice) is refused before the API is asked: the page again (400) with the form as sent and each reason at
/// its field, nothing changed. Before, such a row was dropped unseen and a doubled field joined ("a,b").</summary>
public sealed partial class LibraryAdminTests
{
    [Fact]
    public async Task A_location_form_with_a_row_or_a_doubled_field_the_page_never_writes_is_refused_and_nothing_is_changed()
    {
        var (locationId, _) = await NewLocationAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, AdminA, $"beheer/locaties/{locationId}");
        var action = $"beheer/locaties/{locationId}/wijzigen";
        var sent = await FormAsync(page, action);

        // In the browser: a change, plus a row numbered in Arabic-Indic digits and "Open vanaf" twice.
        await page.GetByText("Openingstijden en IDO wijzigen").ClickAsync();
        await page.Locator("#veld-openingHours-0-closes").FillAsync("16:00");
        await AddFieldsAsync(page, action, ("openingHours[٣].opens", "10:00"), ("openingHours[0].opens", "11:00"));
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Wijzigingen opslaan" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await Expect(page.Locator(".foutoverzicht li")).ToHaveTextAsync(
            [$"Openingstijden: {LocationForm.UnknownRow}", $"Openingstijd 1: open vanaf: {FormFields.Doubled}"]);
        await Expect(page.Locator("#veld-openingHours-0-opens-fout")).ToHaveTextAsync(FormFields.Doubled);
        await Expect(page.Locator("#veld-openingHours-0-closes")).ToHaveValueAsync("16:00"); // the form as sent
        await Accessibility.AssertNoViolationsAsync(page, "a location's form refused as never sent");
        await Screenshots.TakeAsync(page, "beheer-locatie-geweigerd");

        // Each alone, posted as is, is refused too.
        foreach (var (field, reason, extra) in new (string, string, (string, string))[]
                 {
                     ("openingHours", LocationForm.UnknownRow, ("openingHours[100].opens", "10:00")),
                     ("openingHours", LocationForm.UnknownRow, ("openingHours[-1].opens", "10:00")),
                     ("openingHours[0].closes", FormFields.Doubled, ("openingHours[0].closes", "18:00")),
                     ("ido.hasIdo", FormFields.Doubled, ("ido.hasIdo", "true")), // was "false,true": no IDO
                 })
        {
            var answer = await PostFormAsync(page, action, [.. sent, extra]);
            var html = WebUtility.HtmlDecode(await answer.TextAsync());
            Assert.True(answer.Status == 400, $"{extra}: {answer.Status}");
            Assert.Contains($"{LibraryText.Label(field)}</a>: {reason}", html);
        }
        Assert.Equal(1, await VersionOfAsync($"offers/v1/locations/{locationId}"));

        // The form as the page sends it is saved: the refusals above were for what was added.
        var saved = await PostFormAsync(page, action, Changed(sent, ("openingHours[0].closes", "16:00")));
        Assert.Equal(302, saved.Status);
        var (_, stored, _) = await platform.ApiAsync(AdminA, HttpMethod.Get, $"offers/v1/locations/{locationId}");
        Assert.Equal("16:00", stored!["openingHours"]![0]!["closes"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_offer_form_with_a_row_or_a_doubled_field_the_page_never_writes_is_refused_and_nothing_is_changed()
    {
        var (locationId, name) = await NewLocationAsync();
        var offerId = await NewOfferAsync(locationId);
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, AdminA, $"beheer/aanbod/{offerId}");
        var action = $"beheer/aanbod/{offerId}/wijzigen";
        var sent = Changed(await FormAsync(page, action), ("title", "Klik & Tik gewijzigd"));

        foreach (var (field, reason, extra) in new (string, string, (string, string))[]
                 {
                     ("title", FormFields.Doubled, ("title", "Tweede titel")), // was "Klik & Tik gewijzigd,Tweede titel"
                     ("schedule.recurrences[0].day", FormFields.Doubled, ("schedule.recurrences[0].day", "friday")),
                     ("schedule.recurrences", OfferForm.UnknownRecurrence, ("schedule.recurrences[٣].day", "friday")),
                     ("schedule.sessions", OfferForm.UnknownSession, ("schedule.sessions[-1].date", "2027-02-01")),
                 })
        {
            var answer = await PostFormAsync(page, action, [.. sent, extra]);
            var html = WebUtility.HtmlDecode(await answer.TextAsync());
            Assert.True(answer.Status == 400, $"{extra}: {answer.Status}");
            Assert.Contains($"{LibraryText.Label(field)}</a>: {reason}", html);
            Assert.Contains($"id=\"{(reason == FormFields.Doubled ? FieldErrors.ErrorId(field) : FieldErrors.Id(field))}\"", html); // at its field
            Assert.Contains("value=\"Klik & Tik gewijzigd\"", html); // the form as sent
        }
        Assert.Equal(1, await VersionOfAsync($"offers/v1/offers/{offerId}"));
        var (_, unchanged, _) = await platform.ApiAsync(AdminA, HttpMethod.Get, $"offers/v1/offers/{offerId}");
        Assert.Equal("Klik & Tik", unchanged!["title"]!.GetValue<string>());

        var saved = await PostFormAsync(page, action, sent);
        Assert.Equal(302, saved.Status);
        var (_, changed, _) = await platform.ApiAsync(AdminA, HttpMethod.Get, $"offers/v1/offers/{offerId}");
        Assert.Equal("Klik & Tik gewijzigd", changed!["title"]!.GetValue<string>());

        // A new offer in the browser: a doubled title and an unknown recurrence are refused; nothing is drafted.
        var title = $"Geweigerd {Guid.NewGuid():N}"[..24];
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "beheer/aanbod/nieuw").ToString());
        await page.Locator("#veld-offerType").SelectOptionAsync("ido-inloopspreekuur");
        await page.Locator("#veld-title").FillAsync(title);
        await page.GetByLabel(name).CheckAsync();
        await AddFieldsAsync(page, "beheer/aanbod/nieuw", ("title", "Tweede titel"), ("schedule.recurrences[٣].day", "friday"));
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await Expect(page.Locator(".foutoverzicht li")).ToHaveTextAsync(
            [$"Titel: {FormFields.Doubled}", $"Herhalingen: {OfferForm.UnknownRecurrence}"]); // as the form reads
        await Expect(page.Locator("#veld-title-fout")).ToHaveTextAsync(FormFields.Doubled);
        await Expect(page.Locator("#veld-schedule-recurrences")).ToHaveTextAsync(OfferForm.UnknownRecurrence);
        await Expect(page.Locator("#veld-title")).ToHaveValueAsync(title);
        await Expect(page.GetByLabel(name)).ToBeCheckedAsync();
        await Accessibility.AssertNoViolationsAsync(page, "the new offer form refused as never sent");
        await Screenshots.TakeAsync(page, "beheer-aanbod-geweigerd");
        var start = WebUtility.HtmlDecode(await (await page.APIRequest.GetAsync(new Uri(platform.Platform.GatewayUrl, "beheer").ToString())).TextAsync());
        Assert.DoesNotContain(title, start);

        // Sent again as the page now holds it: drafted.
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept opslaan" }).ClickAsync();
        await page.WaitForURLAsync("**/beheer/aanbod/*?melding=aangemaakt");
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
    }

    /// <summary>The fields of the page's form posting to <paramref name="action"/>, in order, as the browser would send them.</summary>
    private static async Task<List<(string Key, string Value)>> FormAsync(IPage page, string action) =>
        (await page.Locator($"form[action='/{action}']").EvaluateAsync<string[][]>("f => [...new FormData(f)].map(([k, v]) => [k, String(v)])"))
        .Select(f => (f[0], f[1])).ToList();

    private static List<(string Key, string Value)> Changed(List<(string Key, string Value)> fields, params (string Key, string Value)[] changed) =>
        [.. fields.Where(f => changed.All(c => c.Key != f.Key)), .. changed];

    /// <summary>Hidden fields added to the form in the browser, as a crafted or broken page would send them.</summary>
    private static Task AddFieldsAsync(IPage page, string action, params (string Name, string Value)[] fields) =>
        page.Locator($"form[action='/{action}']").EvaluateAsync(
            "(f, fields) => fields.forEach(([name, value]) => { const i = document.createElement('input'); i.type = 'hidden'; i.name = name; i.value = value; f.append(i); })",
            fields.Select(f => new[] { f.Name, f.Value }).ToArray());

    /// <summary>A form posted as is (fields in order, doubles kept), in the page's session, without following a redirect.</summary>
    private async Task<IAPIResponse> PostFormAsync(IPage page, string path, IEnumerable<(string Key, string Value)> fields) =>
        await page.APIRequest.PostAsync(new Uri(platform.Platform.GatewayUrl, path).ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")),
            MaxRedirects = 0,
        });
}

using System.Net;
using System.Text.RegularExpressions;
using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Referrals;
using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>The agencies' pages (/verwijzen): nearest IDO by postcode or place, issuing a referral with its printed
/// slip, the agency's referrals (filter, paging, cancel) and its referral profile (If-Match, history). Account `uwv`
/// issues in the search tests and `toeslagen` in the list and profile tests, so their counts never mix.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed partial class AgencyPagesTests(WebPlatformFixture platform)
{
    private const string Uwv = "uwv";
    private const string Toeslagen = "toeslagen";

    /// <summary>The next Thursday (Groningen Centrum is open 10:00–20:00 then), so the test holds on any day it runs.</summary>
    public static DateOnly NextThursday()
    {
        var today = Today();
        return today.AddDays(((int)DayOfWeek.Thursday - (int)today.DayOfWeek + 7) % 7);
    }

    /// <summary>Today in the Netherlands, as the pages count days.</summary>
    private static DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);

    [Fact]
    public async Task An_agency_finds_the_nearest_open_IDOs_and_issues_a_referral_whose_slip_prints_on_one_page()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Uwv, "verwijzen");
        var thursday = NextThursday();
        await page.GetByLabel("Postcode of plaats van de burger").FillAsync("9711 ab");
        await page.GetByLabel("Onderwerp", new() { Exact = true }).First.SelectOptionAsync("toeslagen");
        await page.GetByLabel("Open op").FillAsync(thursday.ToString("yyyy-MM-dd"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();

        var cards = page.Locator("[data-plaats]");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("Dichtstbijzijnde IDO's bij 9711 AB");
        await Expect(cards).ToHaveCountAsync(5);
        var first = cards.First;
        await Expect(first.Locator("h3")).ToHaveTextAsync("Demobibliotheek Groningen Centrum");
        await Expect(first).ToContainTextAsync("Leeswijzerstraat 1, 9711 AB Groningen");
        await Expect(first).ToContainTextAsync("10:00–20:00");
        Assert.Matches(@"^\d+ m$|^\d+,\d km$", (await first.Locator(".afstand").TextContentAsync())!.Trim(' ', '·'));
        Assert.Equal("53.2166869697977", await first.GetAttributeAsync("data-lat")); // the map's markers come from these
        // No tile server in the tests: the map is left out and the list stands alone, without Leaflet.
        await Expect(page.Locator("[data-kaart]")).ToHaveCountAsync(0);
        Assert.Equal(0, await page.Locator("script[src*=leaflet]").CountAsync());
        await Accessibility.AssertNoViolationsAsync(page, "the agency's search results");
        await Screenshots.TakeAsync(page, "verwijzen-resultaten-1280");

        // The card's own form: the search's topic is preselected.
        await Expect(first.GetByLabel("Onderwerp")).ToHaveValueAsync("toeslagen");
        await first.GetByRole(AriaRole.Button, new() { Name = "Verwijs hierheen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/verwijzen/verwijzingen/[A-Z0-9]{4}-[A-Z0-9]{4}$"));
        var code = page.Url[^9..];
        await Expect(page.Locator("[data-verwijscode]")).ToHaveTextAsync(code);
        var (status, json, _) = await platform.ApiAsync(Uwv, HttpMethod.Get, $"referrals/v1/referrals/{code}");
        Assert.Equal(200, status);
        Assert.Equal("issued", json!["referral"]!["status"]!.GetValue<string>());
        Assert.Equal(WebPlatformFixture.GroningenCentrum, json["referral"]!["locationId"]!.GetValue<string>());
        Assert.Equal("toeslagen", json["referral"]!["topic"]!.GetValue<string>());
        // Valid through the whole 30th Dutch day after today, whatever the hour: the slip names that day.
        var lastDay = DutchCalendar.DayOf(DateTimeOffset.Parse(json["referral"]!["issuedAt"]!.GetValue<string>())).AddDays(30);
        Assert.Equal(DutchCalendar.EndOf(lastDay), DateTimeOffset.Parse(json["referral"]!["expiresAt"]!.GetValue<string>()));
        await Expect(page.Locator(".verwijsbrief")).ToContainTextAsync($"De code is geldig tot en met {DutchTime.DayName(lastDay)} {lastDay.Year}.");
        await Accessibility.AssertNoViolationsAsync(page, "the referral page with its slip");
        await Screenshots.TakeAsync(page, "verwijzen-verwijzing-1280");

        // The slip as the browser prints it (print stylesheet, A5): one page with everything the citizen needs.
        var pdf = await page.PdfAsync(new PagePdfOptions { PreferCSSPageSize = true, PrintBackground = true });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Screenshots.TakeAsync(page, "verwijzen-verwijsbrief-print");
        // The week reads down one column, Monday to Sunday, as a citizen looks for a day.
        var days = page.Locator(".verwijsbrief .uren dt");
        var monday = (await days.Nth(0).BoundingBoxAsync())!;
        var tuesday = (await days.Nth(1).BoundingBoxAsync())!;
        Assert.True(tuesday.X == monday.X && tuesday.Y > monday.Y, $"dinsdag at ({tuesday.X}, {tuesday.Y}), maandag at ({monday.X}, {monday.Y})");
        var (pages, text) = PdfText.Read(pdf);
        Assert.True(pages == 1, $"The slip printed on {pages} pages: {text}");
        foreach (var expected in new[]
                 {
                     code, "Demobibliotheek Groningen Centrum", "Leeswijzerstraat 1, 9711 AB Groningen",
                     "Openingstijden", "donderdag 10:00–20:00", "maandag 13:00–17:30", "zondag gesloten", "Neem mee", "identiteitsbewijs",
                     "Uitvoeringsinstituut Werknemersverzekeringen verwijst u naar het IDO",
                 })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("Afmelden", text);        // the page's header is not printed
        Assert.DoesNotContain("Geschiedenis", text);    // nor the history or buttons
        Assert.DoesNotContain("intrekken", text);
    }

    [Fact]
    public async Task A_place_name_finds_IDOs_too()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Uwv, "verwijzen");
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, $"verwijzen?waar=Groningen&open={NextThursday():yyyy-MM-dd}").ToString());
        await Expect(page.Locator("[data-plaats] h3").First).ToHaveTextAsync("Demobibliotheek Groningen Centrum");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToContainTextAsync("bij Groningen");
    }

    [Theory]
    [InlineData("12AB", "is geen postcode")]
    [InlineData("1099 AB", "Postcodegebied 1099 is onbekend.")]
    [InlineData("Nergenshuizen", "De plaats 'Nergenshuizen' kennen we niet")]
    [InlineData("", "Vul een postcode")]
    public async Task A_bad_postcode_is_explained_at_the_field(string typed, string reason)
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Uwv, "verwijzen");
        var field = page.GetByLabel("Postcode of plaats van de burger");
        await field.FillAsync(typed);
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync(), r => r.Url.Contains("/verwijzen?"));
        Assert.Equal(400, response.Status);
        await Expect(page.Locator("#veld-waar-fout")).ToContainTextAsync(reason);
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAttributeAsync("aria-describedby", "veld-waar-fout");
        await Expect(page.Locator("[data-plaats]")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page, $"the search with a bad postcode ({typed})");
    }

    [Fact]
    public async Task A_desk_account_gets_403_on_the_agency_pages()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA, "aanmelden", landing: "balie");
        foreach (var path in new[] { "verwijzen", "verwijzen/verwijzingen", "verwijzen/profiel" })
        {
            var response = await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, path).ToString());
            Assert.Equal(403, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Geen toegang");
        }
    }

    [Fact]
    public async Task The_agency_pages_through_its_referrals_filters_by_status_and_cancels_one()
    {
        // 21 referrals: one more than a page holds.
        var codes = new List<string>();
        for (var i = 0; i < 21; i++)
        {
            var (status, json, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Post, "referrals/v1/referrals", new
            {
                agency = "toeslagen", topic = "toeslagen", locationId = WebPlatformFixture.Winsum, method = "named-place",
            });
            Assert.True(status == 201, $"issue answered {status}: {json}");
            codes.Add(json!["code"]!.GetValue<string>());
        }
        var newest = codes[^1];

        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Toeslagen, "verwijzen/verwijzingen");
        var rows = page.Locator("tr[data-verwijzing]");
        await Expect(rows).ToHaveCountAsync(20);
        await Expect(rows.First).ToHaveAttributeAsync("data-verwijzing", newest); // newest first
        await Expect(rows.First).ToContainTextAsync("Demobibliotheek Winsum");
        await Expect(page.GetByText(new Regex(@"^Pagina 1 van \d+$"))).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(page, "the agency's referrals");
        await Screenshots.TakeAsync(page, "verwijzen-verwijzingen-1280");

        await page.GetByRole(AriaRole.Link, new() { Name = "Volgende →" }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"^Pagina 2 van \d+$"))).ToBeVisibleAsync();
        Assert.DoesNotContain(newest, await rows.EvaluateAllAsync<string[]>("rs => rs.map(r => r.dataset.verwijzing)"));

        // A page past the end says so and leads back to the last one.
        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "verwijzen/verwijzingen?pagina=999").ToString());
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^Naar de laatste pagina \(\d+\)$") }).ClickAsync();
        await Expect(page.GetByText(new Regex(@"^Pagina (\d+) van \1$"))).ToBeVisibleAsync();
        await Expect(rows).Not.ToHaveCountAsync(0);

        await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, "verwijzen/verwijzingen").ToString());
        var shown = newest;
        await page.GetByRole(AriaRole.Button, new() { Name = $"Verwijzing {shown} intrekken" }).ClickAsync();
        // Asking is not cancelling: the question has focus, the referral is still open, "Nee" leaves it so.
        var question = page.GetByRole(AriaRole.Region, new() { Name = $"Verwijzing {shown} intrekken?" });
        await Expect(question).ToBeFocusedAsync();
        var (_, asked, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, $"referrals/v1/referrals/{newest}");
        Assert.Equal("issued", asked!["referral"]!["status"]!.GetValue<string>());
        await Accessibility.AssertNoViolationsAsync(page, "the list asking to confirm a cancel");
        await Screenshots.TakeAsync(page, "verwijzen-verwijzingen-intrekken-1280");
        await question.GetByRole(AriaRole.Link, new() { Name = "Nee, niet intrekken" }).ClickAsync();
        await Expect(question).ToHaveCountAsync(0);
        await Expect(page.Locator($"tr[data-verwijzing='{newest}'] [data-status]")).ToHaveTextAsync("Uitgegeven");
        await page.GetByRole(AriaRole.Button, new() { Name = $"Verwijzing {shown} intrekken" }).ClickAsync();
        await question.GetByRole(AriaRole.Button, new() { Name = "Ja, intrekken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "ingetrokken" })).ToHaveTextAsync($"Verwijzing {shown} is ingetrokken.");
        await Expect(page.Locator($"tr[data-verwijzing='{newest}'] [data-status]")).ToHaveTextAsync("Ingetrokken");
        var (_, after, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, $"referrals/v1/referrals/{newest}");
        Assert.Equal("cancelled", after!["referral"]!["status"]!.GetValue<string>());

        await page.GetByLabel("Status").SelectOptionAsync("cancelled");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.First).ToHaveAttributeAsync("data-verwijzing", newest);
        Assert.Contains("status=cancelled", page.Url); // the filter is in the address
    }

    [Fact]
    public async Task A_stale_profile_edit_says_intussen_gewijzigd_and_shows_the_newer_version()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Toeslagen, "verwijzen/profiel");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Verwijsprofiel van Dienst Toeslagen");
        await Accessibility.AssertNoViolationsAsync(page, "the referral profile");
        await page.GetByText("Profiel wijzigen").ClickAsync();
        var phone = page.Locator("#veld-topics-0-contact-phone");
        await phone.FillAsync("0800 2222");

        // Meanwhile the profile changes elsewhere.
        var (_, current, etag) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, "referrals/v1/referral-profiles/toeslagen");
        var topics = current!["topics"]!.DeepClone().AsArray();
        topics[0]!["contact"]!["phone"] = "0800 1111";
        var (put, _, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Put, "referrals/v1/referral-profiles/toeslagen", new { topics }, etag);
        Assert.Equal(200, put);

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Profiel opslaan" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(412, response.Status);
        await Expect(page.Locator("[data-intussen-gewijzigd]")).ToContainTextAsync("intussen gewijzigd");
        await Expect(phone).ToHaveValueAsync("0800 1111"); // the fresh data, not the stale edit
        await Accessibility.AssertNoViolationsAsync(page, "the profile after a stale edit");
        await Screenshots.TakeAsync(page, "verwijzen-profiel-412-1280");

        // Editing the fresh version saves, and the history gains a version.
        await phone.FillAsync("0800 3333");
        await page.GetByRole(AriaRole.Button, new() { Name = "Profiel opslaan" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Verwijsprofiel opgeslagen");
        var (_, saved, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, "referrals/v1/referral-profiles/toeslagen");
        Assert.Equal("0800 3333", saved!["topics"]![0]!["contact"]!["phone"]!.GetValue<string>());
        Assert.Equal(saved["topics"]![0]!["idoMayDo"]!.ToJsonString(), topics[0]!["idoMayDo"]!.ToJsonString()); // the rest kept
        await Expect(page.Locator(".geschiedenis li").First).ToContainTextAsync($"Versie {saved["version"]}");
        await Expect(page.Locator(".geschiedenis li").First).ToContainTextAsync("0800 3333");
    }

    [Fact]
    public async Task A_bad_profile_edit_shows_the_reason_at_its_field_and_stores_nothing()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Toeslagen, "verwijzen/profiel");
        var (_, before, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, "referrals/v1/referral-profiles/toeslagen");
        await page.GetByText("Profiel wijzigen").ClickAsync();
        await page.Locator("#veld-topics-0-contact-website").FillAsync("http://niet-veilig.example");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Profiel opslaan" }).ClickAsync(), r => r.Request.Method == "POST");
        Assert.Equal(400, response.Status);
        await Expect(page.Locator("#veld-topics-0-contact-website-fout")).ToContainTextAsync("https");
        await Expect(page.Locator("#veld-topics-0-contact-website")).ToHaveValueAsync("http://niet-veilig.example");
        await Accessibility.AssertNoViolationsAsync(page, "the profile form with an error");
        var (_, after, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, "referrals/v1/referral-profiles/toeslagen");
        Assert.Equal(before!["version"]!.GetValue<long>(), after!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_profile_form_with_a_topic_number_the_page_never_writes_is_refused_with_its_reason()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Toeslagen, "verwijzen/profiel");
        var (_, before, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, "referrals/v1/referral-profiles/toeslagen");
        // The form as the page would send it, plus a topic numbered with an Arabic-Indic three (was an empty 500).
        var sent = await page.Locator("form[action='/verwijzen/profiel']")
            .EvaluateAsync<string>("f => new URLSearchParams(new FormData(f)).toString()");

        var answer = await page.APIRequest.PostAsync(new Uri(platform.Platform.GatewayUrl, "verwijzen/profiel").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = sent + "&" + Uri.EscapeDataString("topics[٣].topic") + "=uwv",
            MaxRedirects = 0,
        });

        Assert.Equal(400, answer.Status);
        Assert.Contains($"{ProfileForm.Label("topics")}</a>: {ProfileForm.UnknownRow}", WebUtility.HtmlDecode(await answer.TextAsync()));
        var (_, after, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, "referrals/v1/referral-profiles/toeslagen");
        Assert.Equal(before!["version"]!.GetValue<long>(), after!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task A_profile_form_with_a_field_of_one_value_sent_twice_is_refused_with_its_reason()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Toeslagen, "verwijzen/profiel");
        var (_, before, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, "referrals/v1/referral-profiles/toeslagen");
        // The form as the page would send it, with a second phone number for the first topic (was the first taken).
        var sent = await page.Locator("form[action='/verwijzen/profiel']")
            .EvaluateAsync<string>("f => new URLSearchParams(new FormData(f)).toString()");
        const string field = "topics[0].contact.phone";
        Assert.Contains(Uri.EscapeDataString(field) + "=", sent);

        var answer = await page.APIRequest.PostAsync(new Uri(platform.Platform.GatewayUrl, "verwijzen/profiel").ToString(), new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = sent + "&" + Uri.EscapeDataString(field) + "=0800%209999",
            MaxRedirects = 0,
        });

        Assert.Equal(400, answer.Status);
        var html = WebUtility.HtmlDecode(await answer.TextAsync());
        Assert.Contains($"{ProfileForm.Label(field)}</a>: {FormFields.Doubled}", html);
        Assert.Contains($"id=\"{FieldErrors.ErrorId(field)}\"", html); // at the field too
        var (_, after, _) = await platform.ApiAsync(Toeslagen, HttpMethod.Get, "referrals/v1/referral-profiles/toeslagen");
        Assert.Equal(before!["version"]!.GetValue<long>(), after!["version"]!.GetValue<long>());
    }

    [Fact]
    public async Task The_agency_pages_work_at_360_px()
    {
        var page = await platform.NewPageAsync(width: 360, height: 780);
        await platform.SignInAsync(page, Uwv, $"verwijzen?waar=9711AB&open={NextThursday():yyyy-MM-dd}");
        await Expect(page.Locator("[data-plaats]").First).ToBeVisibleAsync();
        await Layout.AssertFitsAsync(page, "the search results");
        await Accessibility.AssertNoViolationsAsync(page, "the search results at 360 px");
        await Screenshots.TakeAsync(page, "verwijzen-resultaten-360");

        await page.Locator("[data-plaats]").First.GetByLabel("Onderwerp").SelectOptionAsync("digid");
        await page.Locator("[data-plaats]").First.GetByRole(AriaRole.Button, new() { Name = "Verwijs hierheen" }).ClickAsync();
        await Expect(page.Locator("[data-verwijscode]")).ToBeVisibleAsync();
        await Layout.AssertFitsAsync(page, "the referral page");
        await Screenshots.TakeAsync(page, "verwijzen-verwijzing-360");

        foreach (var (path, name) in new[] { ("verwijzen/verwijzingen", "verwijzingen"), ("verwijzen/profiel", "profiel") })
        {
            await page.GotoAsync(new Uri(platform.Platform.GatewayUrl, path).ToString());
            await Screenshots.TakeAsync(page, $"verwijzen-{name}-360");
            await Layout.AssertFitsAsync(page, path);
            await Accessibility.AssertNoViolationsAsync(page, $"{path} at 360 px");
        }
    }
}

using System.Text.Json.Nodes;
using IdoPlatform.Launcher;
using System.Text.RegularExpressions;
using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>The monitoring dashboard on the whole platform: visits registered through the API on a day no other test
/// uses (25 days back), counted by monitoring, then read through the page: period and grouping into a table and a
/// chart, the URL reproducing it, the CSV equal to the table, small cells as "&lt; 5", a library admin's own
/// organisation unsuppressed, 403 for desk and agency, a bad query answered with reasons, and a 360 px screen.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class MonitorPageTests(WebPlatformFixture platform)
{
    private const string Monitor = "monitor";
    private const string PlatformAdmin = "platform-beheer";
    private const string HogelandLocation = WebPlatformFixture.Winsum; // municipality Het Hogeland
    private const string Leeuwarden = "NL-900102-0001";
    private const string Heerenveen = "NL-900102-0002";

    private static readonly SemaphoreSlim Arranging = new(1, 1);
    private static bool Arranged;

    /// <summary>The day the visits are on: 25 days back (registrations accepts up to 31), in Dutch time.</summary>
    private static DateOnly Day { get; } = DateOnly.FromDateTime(
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime).AddDays(-25);

    private static string DayText => Day.ToString("yyyy-MM-dd");

    /// <summary>Organisation A (Groningen): Groningen 6, Stadskanaal 2, Het Hogeland 7; organisation B (Fryslân):
    /// Leeuwarden 3, Heerenveen 7. One question each (DigiD, except Stadskanaal's toeslagen).</summary>
    private async Task ArrangeVisitsAsync()
    {
        await Arranging.WaitAsync();
        try
        {
            if (Arranged)
                return;
            var plan = new (string Desk, string Location, int Count, string Topic)[]
            {
                (WebPlatformFixture.DeskA, WebPlatformFixture.GroningenCentrum, 6, "digid"),
                (WebPlatformFixture.DeskA, WebPlatformFixture.Stadskanaal, 2, "toeslagen"),
                (WebPlatformFixture.DeskA, HogelandLocation, 7, "digid"),
                (WebPlatformFixture.DeskB, Leeuwarden, 3, "digid"),
                (WebPlatformFixture.DeskB, Heerenveen, 7, "digid"),
            };
            var at = new DateTimeOffset(Day.ToDateTime(new TimeOnly(11, 0)), TimeSpan.Zero); // 12:00 or 13:00 in Amsterdam
            foreach (var (desk, location, count, topic) in plan)
                for (var i = 0; i < count; i++)
                {
                    var (status, json, _) = await platform.ApiAsync(desk, HttpMethod.Post, "registrations/v1/visits", new
                    {
                        locationId = location,
                        occurredAt = at.AddMinutes(i),
                        channel = "in-person",
                        questions = new[] { new { topic, domain = "digital-government", durationBand = "10-20", helpGiven = new[] { "explained" } } },
                    });
                    Assert.True(status == 201, $"Registering by API answered {status}: {json}");
                }

            // Monitoring counts them a moment later (registrations' relay → RabbitMQ → monitoring's log → projection).
            static long Visits(JsonNode counts, string province) => counts["rows"]!.AsArray()
                .FirstOrDefault(r => (string?)r!["province"] == province)?["visits"]?.GetValue<long>() ?? 0;
            await Eventually.Until(() => CountsAsync(Monitor, $"from={DayText}&to={DayText}&groupBy=province"),
                counts => Visits(counts, "Groningen") == 15 && Visits(counts, "Fryslân") == 10,
                TimeSpan.FromSeconds(90), "monitoring to count the visits", counts => counts.ToJsonString(), TimeSpan.FromMilliseconds(500));
            Arranged = true;
        }
        finally
        {
            Arranging.Release();
        }
    }

    private async Task<JsonNode> CountsAsync(string username, string query)
    {
        var (status, json, _) = await platform.ApiAsync(username, HttpMethod.Get, "monitoring/v1/question-counts?" + query);
        Assert.True(status == 200, $"question-counts answered {status}: {json}");
        return json!;
    }

    private string PageUrl(string query) => new Uri(platform.Platform.GatewayUrl, "monitor?" + query).ToString();

    private static async Task<List<List<string>>> TableAsync(IPage page, string tableId = "telling")
    {
        var rows = new List<List<string>>();
        foreach (var row in await page.Locator($"#{tableId} tr").AllAsync())
            rows.Add((await row.Locator("th, td").AllInnerTextsAsync()).Select(t => t.Trim()).ToList());
        return rows;
    }

    [Fact]
    public async Task A_monitor_chooses_period_and_grouping_sees_the_table_and_its_chart_and_the_shared_link_shows_the_same()
    {
        await ArrangeVisitsAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Monitor, "monitor");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Monitor IDO");
        await Expect(page.Locator("[data-versheid]")).ToContainTextAsync("Bijgewerkt tot");

        await page.GetByLabel("Van", new() { Exact = true }).FillAsync(DayText);
        await page.GetByLabel("Tot en met", new() { Exact = true }).FillAsync(DayText);
        await page.GetByLabel("Per", new() { Exact = true }).SelectOptionAsync("month");
        await page.GetByLabel("Indeling", new() { Exact = true }).SelectOptionAsync("province");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"from={DayText}&to={DayText}&period=month&groupBy=province"));

        var table = await TableAsync(page);
        Assert.Equal(["Periode", "Provincie", "Bezoeken", "Vragen"], table[0]);
        var month = Regex.Replace(table[1][0], @"\s+", " ");
        Assert.Matches(@"^[a-z]+ \d{4}$", month); // "november 2026"
        Assert.Equal(new List<List<string>> { new() { month, "Fryslân", "10", "10" }, new() { month, "Groningen", "15", "15" } },
            table.Skip(1).Select(r => r.Select(c => Regex.Replace(c, @"\s+", " ")).ToList()).ToList());
        // The chart is drawn from the table: a canvas with the table's categories, no id (web-facts), the figure marked drawn.
        var figure = page.Locator("figure[data-tabel=telling]");
        await Expect(figure).ToHaveAttributeAsync("data-getekend", "ja");
        Assert.Null(await figure.Locator("canvas").GetAttributeAsync("id"));
        Assert.True(await figure.Locator("canvas").EvaluateAsync<int>("c => c.width") > 100);
        var labels = await figure.Locator("canvas").EvaluateAsync<string[]>("c => Chart.getChart(c).data.labels");
        Assert.Equal(["Fryslân", "Groningen"], labels);
        await Accessibility.AssertNoViolationsAsync(page, "the monitoring dashboard");
        await Screenshots.TakeAsync(page, "monitor-desktop");

        // The link is the view: another account of the national view opening it sees the same table.
        var shared = await page.Locator("[data-deellink]").GetAttributeAsync("href");
        Assert.Equal($"/monitor?from={DayText}&to={DayText}&period=month&groupBy=province", shared);
        var other = await platform.NewPageAsync();
        await platform.SignInAsync(other, PlatformAdmin, shared!.TrimStart('/'));
        Assert.Equal(table, await TableAsync(other));
        await Expect(other.GetByLabel("Per", new() { Exact = true })).ToHaveValueAsync("month");

        // A filter narrows it (only Stadskanaal's two visits were about toeslagen) and stays open and in the URL.
        await other.Locator("details.filters summary").ClickAsync();
        await other.GetByLabel("Onderwerp", new() { Exact = true }).SelectOptionAsync("toeslagen");
        await other.GetByRole(AriaRole.Button, new() { Name = "Tonen" }).ClickAsync();
        await other.WaitForURLAsync(new Regex("topic=toeslagen"));
        Assert.Equal(new List<List<string>> { new() { month, "Groningen", "2", "2" } },
            (await TableAsync(other)).Skip(1).Select(r => r.Select(c => Regex.Replace(c, @"\s+", " ")).ToList()).ToList());
        await Expect(other.Locator("details.filters[open]")).ToBeVisibleAsync();
        await Expect(other.Locator("[data-deellink]")).ToHaveAttributeAsync("href", new Regex("topic=toeslagen"));
    }

    [Fact]
    public async Task The_csv_download_holds_exactly_the_table_shown()
    {
        await ArrangeVisitsAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Monitor, $"monitor?from={DayText}&to={DayText}&period=geheel&groupBy=municipality");
        var table = await TableAsync(page);
        Assert.True(table.Count > 2, "the municipality table has rows");

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-csv]").ClickAsync());
        Assert.Equal($"ido-monitor-{DayText}-{DayText}-gemeente.csv", download.SuggestedFilename); // the grouping in Dutch
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal(System.Text.Encoding.UTF8.GetPreamble(), bytes[..3]); // so Excel reads it as UTF-8
        var text = System.Text.Encoding.UTF8.GetString(bytes[3..]);
        var csv = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(Fields).ToList();
        Assert.Equal(table.Select(r => r.Select(c => Regex.Replace(c, @"\s+", " ")).ToList()), csv);
        Assert.Contains(csv, r => r.Contains("< 5")); // the withheld cells as shown, not as numbers
        platform.Say($"CSV of {csv.Count - 1} rows equals the table");
    }

    /// <summary>The fields of one line, separated by semicolons (quoted fields may hold them and doubled quotes).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ';' && !quoted) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields;
    }

    [Fact]
    public async Task Small_cells_of_the_national_view_show_as_less_than_five_with_an_explanation()
    {
        await ArrangeVisitsAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Monitor, $"monitor?from={DayText}&to={DayText}&period=geheel&groupBy=municipality");
        var api = await CountsAsync(Monitor, $"from={DayText}&to={DayText}&groupBy=municipality");
        Assert.True(api["suppression"]!["applied"]!.GetValue<bool>());

        var rows = (await TableAsync(page)).Skip(1).ToList();
        // The whole range is one period: no period column, the caption names the range.
        Assert.Equal(["Gemeente", "Bezoeken", "Vragen"], (await TableAsync(page))[0]);
        Assert.Equal(["< 5", "< 5"], rows.Single(r => r[0] == "Stadskanaal").Skip(1)); // 2 visits
        Assert.Equal(["< 5", "< 5"], rows.Single(r => r[0] == "Leeuwarden").Skip(1));  // 3 visits
        // As many "< 5" rows as the API withheld, and every other cell a number of at least 5.
        Assert.Equal(api["suppression"]!["suppressedCells"]!.GetValue<int>(), rows.Count(r => r[1] == "< 5"));
        Assert.DoesNotContain(rows, r => r[1] != "< 5" && long.Parse(r[1]) < 5);
        await Expect(page.Locator("[data-onderdrukt-uitleg]")).ToContainTextAsync("minder dan 5 bezoeken");
        await Expect(page.Locator("#telling")).ToHaveAttributeAsync("aria-describedby", "onderdrukt-uitleg");
        // The chart leaves withheld cells out rather than drawing them as nought.
        var gaps = await page.Locator("figure[data-tabel=telling] canvas").EvaluateAsync<int>(
            "c => Chart.getChart(c).data.datasets[0].data.filter(v => v === null).length");
        Assert.Equal(rows.Count(r => r[1] == "< 5"), gaps);
        await Accessibility.AssertNoViolationsAsync(page, "the dashboard with withheld cells");
        await Screenshots.TakeAsync(page, "monitor-suppressed");
    }

    [Fact]
    public async Task A_library_admin_sees_its_own_organisation_unsuppressed_and_nothing_else()
    {
        await ArrangeVisitsAsync();
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.AdminA, $"monitor?from={DayText}&to={DayText}&period=geheel&groupBy=municipality");
        await Expect(page.Locator("[data-eigen-organisatie]")).ToContainTextAsync("Demobibliotheek Stad en Ommeland");

        var rows = (await TableAsync(page)).Skip(1).ToList();
        Assert.Equal(new List<List<string>> { new() { "Groningen", "6", "6" }, new() { "Het Hogeland", "7", "7" }, new() { "Stadskanaal", "2", "2" } },
            rows.OrderBy(r => r[0], StringComparer.Ordinal).ToList());
        await Expect(page.Locator("[data-onderdrukt-uitleg]")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page, "the dashboard of a library admin");
        await Screenshots.TakeAsync(page, "monitor-library-admin");
    }

    [Theory]
    [InlineData(WebPlatformFixture.DeskA, "balie")]
    [InlineData("uwv", "verwijzen")]
    public async Task Desk_and_agency_accounts_get_no_dashboard_but_the_403_page(string username, string home)
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, username, "aanmelden", landing: home);
        var response = await page.GotoAsync(PageUrl("groupBy=province"));
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Geen toegang");
        var csv = await page.APIRequest.GetAsync(new Uri(platform.Platform.GatewayUrl, "monitor/csv?groupBy=province").ToString(),
            new() { MaxRedirects = 0 });
        Assert.NotEqual(200, csv.Status); // the CSV is behind the same policy
        Assert.DoesNotContain("Periode", await csv.TextAsync());
    }

    [Fact]
    public async Task A_bad_query_is_answered_with_a_clear_message_at_each_field_not_a_500()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Monitor, "monitor");
        var response = await page.GotoAsync(PageUrl("from=2026-12-01&to=2026-11-01&period=week&groupBy=bsn"));
        Assert.Equal(400, response!.Status);
        var summary = page.Locator("[data-foutoverzicht]");
        await Expect(summary).ToContainTextAsync("'Van' (1-12-2026) ligt na 'tot en met' (1-11-2026)");
        await Expect(summary).ToContainTextAsync("Onbekende periode 'week'");
        await Expect(summary).ToContainTextAsync("Onbekende indeling 'bsn'");
        await Expect(summary).ToBeFocusedAsync(); // the reasons first
        await Expect(page.GetByLabel("Van", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#telling")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(page, "the dashboard refusing a query");
        await Screenshots.TakeAsync(page, "monitor-bad-query");

        // Not a date at all; and the CSV of a bad query says why instead of a file.
        response = await page.GotoAsync(PageUrl("from=gisteren&to=2026-11-01"));
        Assert.Equal(400, response!.Status);
        await Expect(summary).ToContainTextAsync("'gisteren' is geen datum");
        var csv = await page.APIRequest.GetAsync(new Uri(platform.Platform.GatewayUrl, "monitor/csv?from=2026-12-01&to=2026-11-01").ToString());
        Assert.Equal(400, csv.Status);
        Assert.Contains("ligt na", await csv.TextAsync());
    }

    [Fact]
    public async Task The_referral_funnel_shows_per_agency_what_the_monitoring_api_counts()
    {
        // Two referrals by the Dienst Toeslagen today; one arrives at the desk.
        var codes = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var (status, json, _) = await platform.ApiAsync("toeslagen", HttpMethod.Post, "referrals/v1/referrals",
                new { agency = "toeslagen", topic = "toeslagen", locationId = WebPlatformFixture.GroningenCentrum, method = "named-place" });
            Assert.True(status == 201, $"issuing a referral answered {status}: {json}");
            codes.Add((string)json!["code"]!);
        }
        var (visit, visitJson, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Post, "registrations/v1/visits", new
        {
            locationId = WebPlatformFixture.GroningenCentrum,
            channel = "in-person",
            referralCode = codes[0],
            questions = new[] { new { topic = "toeslagen", domain = "digital-government", durationBand = "10-20", helpGiven = new[] { "explained" } } },
        });
        Assert.True(visit == 201, $"registering answered {visit}: {visitJson}");

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow,
            TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime).ToString("yyyy-MM-dd");
        var query = $"from={today}&to={today}&groupBy=agency";
        var row = await Eventually.Until(async () =>
            {
                var (status, json, _) = await platform.ApiAsync(Monitor, HttpMethod.Get, "monitoring/v1/referral-outcomes?" + query);
                Assert.Equal(200, status);
                return json!["rows"]!.AsArray().FirstOrDefault(r => (string?)r!["agency"] == "toeslagen");
            },
            row => row is not null && row["arrived"]!.GetValue<long>() >= 1 && row["issued"]!.GetValue<long>() >= 2,
            TimeSpan.FromSeconds(90), "monitoring to count the referrals", row => row?.ToJsonString() ?? "no row", TimeSpan.FromMilliseconds(500));

        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Monitor, $"monitor?from={today}&to={today}&period=geheel&groupBy=province");
        var funnel = (await TableAsync(page, "verwijzingen")).Single(r => r[0] == "Dienst Toeslagen");
        Assert.Equal(new[] { "issued", "arrived", "expired", "cancelled", "open" }.Select(k => row![k]!.GetValue<long>().ToString()),
            funnel.Skip(1).Take(5));
        await Expect(page.Locator("figure[data-tabel=verwijzingen]")).ToHaveAttributeAsync("data-getekend", "ja");
        await Accessibility.AssertNoViolationsAsync(page, "the dashboard's referral funnel");
        await Screenshots.TakeAsync(page, "monitor-funnel");

        // At 200% zoom (640 CSS px) a table wider than its box scrolls in it; its headings are not broken letter by letter.
        await page.SetViewportSizeAsync(640, 900);
        Assert.Empty(await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table.cijfers thead th')]
                .filter(th => !/\s/.test(th.textContent.trim()))
                .filter(th => { const r = document.createRange(); r.selectNodeContents(th);
                                return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size > 1; })
                .map(th => th.textContent.trim())
            """));
        await Screenshots.TakeAsync(page, "monitor-funnel-640");
    }

    [Fact]
    public async Task At_360_px_the_dashboard_fits_the_screen_and_passes_axe()
    {
        await ArrangeVisitsAsync();
        var page = await platform.NewPageAsync(width: 360, height: 780);
        await platform.SignInAsync(page, Monitor, $"monitor?from={DayText}&to={DayText}&period=month&groupBy=municipality");
        await Expect(page.Locator("figure[data-tabel=telling]")).ToHaveAttributeAsync("data-getekend", "ja");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the screen");
        await Accessibility.AssertNoViolationsAsync(page, "the dashboard at 360 px");
        await Screenshots.TakeAsync(page, "monitor-360");
    }

    [Fact]
    public async Task With_monitoring_down_the_dashboard_says_so_instead_of_failing()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Monitor, "monitor");
        await platform.Platform.StopServiceAsync(PlatformService.Monitoring);
        try
        {
            var response = await page.GotoAsync(PageUrl("groupBy=province"));
            Assert.Equal(503, response!.Status);
            await Expect(page.Locator(".melding-fout")).ToContainTextAsync("De monitoringdienst antwoordt nu niet");
            await Expect(page.GetByLabel("Indeling", new() { Exact = true })).ToBeVisibleAsync(); // the form stays, to try again
            await Accessibility.AssertNoViolationsAsync(page, "the dashboard with monitoring down");
        }
        finally
        {
            await platform.Platform.StartServiceAsync(PlatformService.Monitoring);
        }
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using IdoPlatform.Launcher;
using IdoPlatform.Testing;
using IdoPlatform.Testing.Http;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace IdoPlatform.Web.Tests.Fixture;

/// <summary>
/// One whole platform (services, web service, gateway as processes on real PostgreSQL and RabbitMQ) and one Chromium for
/// every browser test: both take seconds to start. Tests run one after another (one collection); each gets a fresh
/// browser context (its own cookies and localStorage) and works at a location of its own, so counts never mix.
/// </summary>
public class WebPlatformFixture(IMessageSink diagnostics) : IAsyncLifetime
{
    public const string DeskA = "balie-stad-en-ommeland";
    public const string AdminA = "beheer-stad-en-ommeland";
    public const string DeskB = "balie-friese-wouden";
    public const string PlatformAdmin = "platform-beheer";

    /// <summary>Organisation A's IDO locations, as the location list shows them (sorted by name).</summary>
    public const string GroningenCentrum = "NL-900101-0001";
    public const string Stadskanaal = "NL-900101-0002";
    public const string Winsum = "NL-900101-0004";

    private Launcher.Platform? _platform;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };

    public Launcher.Platform Platform => _platform ?? throw new InvalidOperationException("The platform has not started.");

    public Uri DeskPage => new(Platform.GatewayUrl, "balie");

    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "ido-web-tests-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));

    /// <summary>Settings a derived fixture gives every process (called once, before the platform starts).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string>> MoreSettings() => [];

    public virtual async Task InitializeAsync()
    {
        var chromium = Environment.GetEnvironmentVariable("IDO_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(chromium))
            throw new InvalidOperationException(
                $"No Chromium at {chromium}. The browser tests drive Debian's chromium: `apt-get install chromium` " +
                "(.ci/run does), or point IDO_CHROMIUM at a Chromium of the major version Microsoft.Playwright expects.");

        var clock = Stopwatch.StartNew();
        var postgres = RealServers.PostgresAsync();
        var virtualHost = RealServers.NewVirtualHostAsync("web");
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        _platform = await Launcher.Platform.StartAsync(new PlatformOptions
        {
            PostgresAdminConnectionString = (await postgres).AdminConnectionString,
            RabbitMqUri = await virtualHost,
            DatabasePrefix = "web_" + Guid.NewGuid().ToString("N")[..8],
            LogDirectory = LogDirectory,
            Progress = Say,
            // Every browser comes from 127.0.0.1: a per-address limit would throttle the whole run.
            Settings = new Dictionary<string, string>(MoreSettings())
            {
                ["Gateway:RateLimits:PerClientAddress:PermitLimit"] = "1000000000",
            },
        });
        Say($"platform and browser ready in {clock.Elapsed.TotalSeconds:0.0} s; desk page {DeskPage}; logs in {LogDirectory}");
    }

    /// <summary>A fresh browser context (no cookies, empty localStorage) and a page in it, <paramref name="width"/> wide;
    /// without <paramref name="javaScript"/> as a browser whose scripts are off or failed to load.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900, bool javaScript = true)
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "nl-NL",
            TimezoneId = "Europe/Amsterdam",
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in form, reached by opening <paramref name="start"/> (the desk page when not
    /// given), and waits until the browser is at <paramref name="landing"/> (back at the start when not given).</summary>
    public async Task SignInAsync(IPage page, string username, string? start = null, string? landing = null)
    {
        var account = DemoAccounts.Find(Platform.RepositoryRoot, username);
        start ??= "balie";
        await page.GotoAsync(new Uri(Platform.GatewayUrl, start).ToString());
        await page.GetByLabel("Gebruikersnaam").FillAsync(account.Username);
        await page.GetByLabel("Wachtwoord").FillAsync(account.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden" }).ClickAsync();
        // Until the document is parsed and its deferred scripts (htmx, the area's script) have run, after the
        // stylesheet they wait for. Not the "load" event: once, under a full CI run, Chromium had not reported it
        // 30 s after the page had arrived (NetworkIdle had fired), and nothing a test does needs it.
        await page.WaitForURLAsync(new Uri(Platform.GatewayUrl, landing ?? start).ToString(),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>A call through the gateway as a demo account (for arranging and checking what the pages did).</summary>
    public async Task<(int Status, JsonNode? Json, string? ETag)> ApiAsync(string username, HttpMethod method, string path,
        object? body = null, string? ifMatch = null)
    {
        var answer = await _http.SendJsonAsync(method, new Uri(Platform.GatewayUrl, path).ToString(), body,
            await Platform.DemoTokenAsync(username), ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });
        return (answer.Code, answer.JsonOrNull, answer.ETag);
    }

    /// <summary>Registers a one-question visit through the API and returns its id.</summary>
    public async Task<Guid> RegisterByApiAsync(string username, string location, string topic = "digid")
    {
        var (status, json, _) = await ApiAsync(username, HttpMethod.Post, "registrations/v1/visits", new
        {
            locationId = location,
            channel = "in-person",
            questions = new[] { new { topic, domain = "digital-government", durationBand = "10-20", helpGiven = new[] { "explained" } } },
        });
        Assert.True(status == 201, $"Registering by API answered {status}: {json}");
        return json!["id"]!.GetValue<Guid>();
    }

    /// <summary>Desk A's visits at Winsum with this note (a test's marker): what a page registered, or nothing.</summary>
    public async Task<List<JsonNode?>> VisitsWithNoteAsync(string note)
    {
        var (status, json, _) = await ApiAsync(DeskA, HttpMethod.Get, $"registrations/v1/visits?locationId={Winsum}&pageSize=100");
        Assert.Equal(200, status);
        return json!["items"]!.AsArray().Where(v => v!["note"]?.GetValue<string>() == note).ToList();
    }

    /// <summary>One of desk A's visits as the API holds it.</summary>
    public async Task<JsonNode> VisitAsync(Guid id)
    {
        var (status, json, _) = await ApiAsync(DeskA, HttpMethod.Get, $"registrations/v1/visits/{id}");
        Assert.Equal(200, status);
        return json!;
    }

    public void Say(string line) => diagnostics.OnMessage(new DiagnosticMessage($"[web {DateTime.Now:HH:mm:ss}] {line}"));

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_platform is not null)
            await _platform.DisposeAsync();
        _http.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class WebPlatformCollection : ICollectionFixture<WebPlatformFixture>
{
    public const string Name = "web platform";
}

using System.Net;
using System.Text.RegularExpressions;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

/// <summary>A person's browser gets a small Dutch page (or is sent on) where an API client gets a problem document.</summary>
[Collection(GatewayWithFourServicesCollection.Name)]
public sealed class BrowserPagesTests(GatewayWithFourServices fixture)
{
    private HttpClient Client => fixture.Gateway.Client;

    [Theory]
    [InlineData("/balei")]
    [InlineData("/unknown/thing.html")]
    public async Task An_unknown_address_gives_a_browser_a_Dutch_page_with_ways_on(string path)
    {
        using var response = await Client.SendAsync(Navigation(path));

        await BrowserPageAssert.IsPageAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/balei", "application/json", null)]
    [InlineData("/balei", "*/*", null)]
    [InlineData("/balei", "text/html", "cors")] // a script's fetch
    [InlineData("/auth/v1/unknown", "text/html", "navigate")]
    [InlineData("/registrations/v1/visits/", "text/html", "navigate")]
    [InlineData("/", "application/json", null)]
    public async Task An_API_client_a_script_or_an_API_path_keeps_the_problem_document(string path, string accept, string? fetchMode)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", accept);
        if (fetchMode is not null) request.Headers.Add("Sec-Fetch-Mode", fetchMode);

        using var response = await Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_htmx_request_keeps_the_problem_document()
    {
        using var request = Navigation("/balei");
        request.Headers.Add("HX-Request", "true");

        using var response = await Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_root_sends_a_browser_to_the_public_finder()
    {
        using var response = await Client.SendAsync(Navigation("/"));

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/aanbod", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/aanbod/", "/aanbod")]
    [InlineData("/beheer/", "/beheer")]
    [InlineData("/aanbod//", "/aanbod")]
    [InlineData("/aanbod/?waar=Utrecht", "/aanbod?waar=Utrecht")]
    public async Task A_trailing_slash_on_a_page_sends_a_browser_to_the_page_without_it(string path, string target)
    {
        using var response = await Client.SendAsync(Navigation(path));

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(target, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_trailing_slash_never_sends_a_browser_to_another_host()
    {
        var address = new Uri(fixture.Gateway.Address.GetLeftPart(UriPartial.Authority) + "//elders.example/");
        Assert.Equal("//elders.example/", address.AbsolutePath);

        using var response = await Client.SendAsync(Navigation(address.ToString()));

        await BrowserPageAssert.IsPageAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_form_post_with_a_trailing_slash_is_not_redirected()
    {
        using var request = Navigation("/aanbod/", HttpMethod.Post);

        using var response = await Client.SendAsync(request);

        await BrowserPageAssert.IsPageAsync(response, HttpStatusCode.NotFound);
    }

    /// <summary>What a browser sends when a person types an address or follows a link.</summary>
    internal static HttpRequestMessage Navigation(string path, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        request.Headers.Add("Sec-Fetch-Mode", "navigate");
        return request;
    }
}

/// <summary>The gateway's own pages: Dutch, titled, one heading, ways on, nothing loaded from elsewhere.</summary>
internal static partial class BrowserPageAssert
{
    public static async Task<string> IsPageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nl\">", html);
        Assert.Matches(Title(), html);
        Assert.Single(Regex.Matches(html, "<h1>"));
        Assert.Contains("href=\"/aanbod\"", html);
        Assert.Contains("href=\"/aanmelden\"", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("<link", html);
        Assert.True(response.Headers.CacheControl?.NoStore);
        return html;
    }

    [GeneratedRegex("<title>[^<]+</title>")]
    private static partial Regex Title();
}

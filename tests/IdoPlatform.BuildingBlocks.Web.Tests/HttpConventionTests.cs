using System.Net;
using System.Net.Http.Headers;
using IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

[Collection(nameof(SampleHost))]
public sealed class HttpConventionTests(SampleHost host)
{
    private readonly HttpClient _desk = host.ClientAs(SampleHost.DeskAccount);

    [Theory]
    [InlineData("/samples/v1/public")]          // 200
    [InlineData("/samples/v1/nothing-here")]    // 404
    [InlineData("/samples/v1/busy")]            // 429
    [InlineData("/samples/v1/me")]              // 401 (anonymous)
    [InlineData("/samples/v1/openapi.json")]
    public async Task Every_response_carries_the_api_version_and_the_security_headers(string path)
    {
        var response = await host.Client.GetAsync(path);

        Assert.Equal("1.2.3", Single(response, "API-Version"));
        Assert.Equal("no-store", Single(response, "Cache-Control"));
        Assert.Equal("frame-ancestors 'none'", Single(response, "Content-Security-Policy"));
        Assert.StartsWith("max-age=", Single(response, "Strict-Transport-Security"));
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
    }

    [Fact]
    public async Task A_trailing_slash_is_a_404_problem_not_the_resource()
    {
        Assert.Equal(HttpStatusCode.OK, (await _desk.GetAsync("/samples/v1/notes")).StatusCode);

        var response = await _desk.GetAsync("/samples/v1/notes/");

        await ProblemAssert.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_even_without_a_token()
    {
        var response = await host.Client.GetAsync("/samples/v1/unknown");

        await ProblemAssert.ReadAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_missing_resource_is_a_404_problem_with_its_detail()
    {
        var response = await _desk.GetAsync($"/samples/v1/notes/{Guid.NewGuid()}");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.StartsWith("Notitie", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_wrong_method_is_a_405_problem_with_allow()
    {
        var response = await _desk.DeleteAsync("/samples/v1/notes");

        await ProblemAssert.ReadAsync(response, HttpStatusCode.MethodNotAllowed);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Fact]
    public async Task An_accept_header_without_json_is_a_406_problem()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/samples/v1/public");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await host.Client.SendAsync(request);

        await ProblemAssert.ReadAsync(response, HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task An_accept_header_asking_only_for_a_type_the_service_declares_passes_where_the_endpoint_declares_it()
    {
        using var report = new HttpRequestMessage(HttpMethod.Get, "/samples/v1/report");
        report.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(report)).StatusCode);

        using var jsonOnly = new HttpRequestMessage(HttpMethod.Get, "/samples/v1/public");
        jsonOnly.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var refused = await host.Client.SendAsync(jsonOnly);
        await ProblemAssert.ReadAsync(refused, HttpStatusCode.NotAcceptable);
    }

    [Fact]
    public async Task A_browser_accept_header_with_a_wildcard_is_fine()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/samples/v1/public");
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");

        Assert.Equal(HttpStatusCode.OK, (await host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Too_many_requests_is_a_429_problem_with_retry_after()
    {
        var response = await host.Client.GetAsync("/samples/v1/busy");

        await ProblemAssert.ReadAsync(response, HttpStatusCode.TooManyRequests);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task An_exception_is_a_generic_500_problem_that_leaks_nothing()
    {
        var response = await host.Client.GetAsync("/samples/v1/boom");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.InternalServerError);
        var body = problem.GetRawText();
        Assert.DoesNotContain("hunter2", body);
        Assert.DoesNotContain("InvalidOperationException", body);
        Assert.DoesNotContain("Secret.Method", body);
    }

    [Fact]
    public async Task A_database_that_is_away_is_a_503_with_retry_after_even_when_the_store_wraps_its_error()
    {
        var response = await host.Client.GetAsync("/samples/v1/pool-exhausted");

        await ProblemAssert.ReadAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.NotNull(response.Headers.RetryAfter);
    }

    [Fact]
    public async Task The_server_header_does_not_name_the_implementation()
    {
        var response = await host.Client.GetAsync("/samples/v1/public");

        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task Cors_answers_only_allowlisted_origins()
    {
        var allowed = await Preflight(SampleHost.AllowedOrigin);
        Assert.Equal(SampleHost.AllowedOrigin, Single(allowed, "Access-Control-Allow-Origin"));

        var other = await Preflight("https://kwaadwillend.example.com");
        Assert.False(other.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task The_openapi_document_is_public_and_readable_from_any_origin()
    {
        var response = await host.Client.GetAsync("/samples/v1/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("*", Single(response, "Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task Health_live_and_ready_answer_anonymously()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/ready")).StatusCode);
    }

    private async Task<HttpResponseMessage> Preflight(string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/samples/v1/notes");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");
        return await host.Client.SendAsync(request);
    }

    private static string Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"Header {header} missing on {(int)response.StatusCode}.");
}

using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

[Collection(GatewayWithFourServicesCollection.Name)]
public sealed class EdgeTests(GatewayWithFourServices fixture)
{
    private readonly HttpClient _client = fixture.Gateway.NewClient(TestTokens.Valid());

    [Theory]
    [InlineData("/registrations/v1/visits/")]
    [InlineData("/offers/v1/offers/")]
    [InlineData("/health/ready/")]
    public async Task A_trailing_slash_is_404_and_never_reaches_a_service(string path)
    {
        using var response = await _client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.All(fixture.Backends.Values, backend => Assert.Equal(0, backend.AttemptsAt(path)));
    }

    [Theory]
    [InlineData("/unknown")]
    [InlineData("/unknown/thing.json")]
    [InlineData("/auth/v1/unknown")]
    public async Task A_path_no_route_claims_is_a_404_problem_with_or_without_token(string path)
    {
        using var withToken = await _client.GetAsync(path);
        using var withoutToken = await fixture.Gateway.Client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(withToken, HttpStatusCode.NotFound);
        await ProblemAssert.IsProblemAsync(withoutToken, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_gateways_own_answers_carry_API_version_and_security_headers()
    {
        using var response = await fixture.Gateway.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"^\d+\.\d+\.\d+$", response.Headers.GetValues("API-Version").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task A_preflight_from_an_allowed_origin_is_answered_at_the_edge()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/registrations/v1/preflighted");
        request.Headers.Add("Origin", GatewayWithFourServices.AllowedOrigin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type,idempotency-key");

        using var response = await fixture.Gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(GatewayWithFourServices.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("POST", response.Headers.GetValues("Access-Control-Allow-Methods").Single());
        Assert.Equal(0, fixture.Backends["registrations"].AttemptsAt("/registrations/v1/preflighted"));
    }

    [Fact]
    public async Task An_origin_outside_the_allowlist_gets_no_CORS_permission()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/offers/v1/offers");
        request.Headers.Add("Origin", "https://evil.example.com");

        using var response = await fixture.Gateway.Client.SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }
}

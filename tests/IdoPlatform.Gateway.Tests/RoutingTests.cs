using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

[Collection(GatewayWithFourServicesCollection.Name)]
public sealed class RoutingTests(GatewayWithFourServices fixture)
{
    private readonly HttpClient _client = fixture.Gateway.NewClient(TestTokens.Valid());

    [Theory]
    [InlineData("registrations")]
    [InlineData("referrals")]
    [InlineData("offers")]
    [InlineData("monitoring")]
    public async Task Each_base_path_reaches_its_own_service_with_path_and_query_unchanged(string service)
    {
        var path = $"/{service}/v1/things/42";
        var before = fixture.Backends[service].AttemptsAt(path);

        using var response = await _client.GetAsync(path + "?page=2&pageSize=5");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await EchoedRequest.ReadAsync(response);
        Assert.Equal(path, echoed.Path);
        Assert.Equal("?page=2&pageSize=5", echoed.Query);
        Assert.Equal(before + 1, fixture.Backends[service].AttemptsAt(path));
        foreach (var other in RunningGateway.Services.Where(s => s != service))
            Assert.Equal(0, fixture.Backends[other].AttemptsAt(path));
    }

    [Fact]
    public async Task A_small_streamed_answer_leaves_the_gateway_whole_with_its_length()
    {
        using var service = new HttpClient();
        using var direct = await service.GetAsync($"{fixture.Backends["offers"].Address}/offers/v1/bytes?n=5000",
            HttpCompletionOption.ResponseHeadersRead);
        using var response = await _client.GetAsync("/offers/v1/bytes?n=5000", HttpCompletionOption.ResponseHeadersRead);

        Assert.True(direct.Headers.TransferEncodingChunked); // the service streams it
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal(5000, response.Content.Headers.ContentLength);
        Assert.Equal(new string('x', 5000), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_large_answer_is_passed_on_as_it_comes()
    {
        const int size = 3 * IdoPlatform.Gateway.Proxy.SmallResponsesInOneWrite.Limit + 123;
        using var response = await _client.GetAsync($"/offers/v1/bytes?n={size}", HttpCompletionOption.ResponseHeadersRead);

        Assert.True(response.Headers.TransferEncodingChunked);
        Assert.Equal(size, (await response.Content.ReadAsByteArrayAsync()).Count(b => b == (byte)'x'));
    }

    [Fact]
    public async Task Forwarded_headers_trace_context_and_token_reach_the_service()
    {
        const string traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Get, "/registrations/v1/visits");
        request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");

        using var response = await _client.SendAsync(request);

        var echoed = await EchoedRequest.ReadAsync(response);
        Assert.Equal("127.0.0.1", echoed.Header("X-Forwarded-For"));
        Assert.Equal("http", echoed.Header("X-Forwarded-Proto"));
        Assert.Equal(fixture.Gateway.Address.Authority, echoed.Header("X-Forwarded-Host"));
        var traceparent = echoed.Header("traceparent");
        Assert.NotNull(traceparent);
        Assert.Equal(traceId, traceparent!.Split('-')[1]); // same trace, the gateway's hop as parent
        Assert.StartsWith("Bearer ", echoed.Header("Authorization"));
    }

    [Fact]
    public async Task A_request_body_is_forwarded_whole()
    {
        var body = new string('x', 5000);
        using var response = await _client.PostAsync("/referrals/v1/referrals", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = await EchoedRequest.ReadAsync(response);
        Assert.Equal("POST", echoed.Method);
        Assert.Equal(5000, echoed.BodyLength);
    }

    [Fact]
    public async Task The_services_own_API_version_passes_and_the_edge_adds_security_headers()
    {
        using var response = await _client.GetAsync("/offers/v1/organisations");

        Assert.Equal(FakeBackend.ServiceApiVersion, response.Headers.GetValues("API-Version").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task A_browser_origin_is_not_passed_on_to_the_service()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/monitoring/v1/counts");
        request.Headers.Add("Origin", GatewayWithFourServices.AllowedOrigin);

        using var response = await _client.SendAsync(request);

        var echoed = await EchoedRequest.ReadAsync(response);
        Assert.Null(echoed.Header("Origin"));
        Assert.Equal(GatewayWithFourServices.AllowedOrigin, response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }
}

using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

public sealed class LimitTests : IAsyncLifetime
{
    private FakeBackend _offers = null!;

    public async Task InitializeAsync() => _offers = await FakeBackend.StartAsync();

    public async Task DisposeAsync() => await _offers.DisposeAsync();

    private Task<RunningGateway> GatewayAsync(params (string Key, string Value)[] settings) =>
        RunningGateway.StartAsync(
            RunningGateway.Services.ToDictionary(s => s, _ => _offers.Address),
            settings.ToDictionary(s => s.Key, s => (string?)s.Value));

    [Fact]
    public async Task An_account_over_its_limit_gets_429_with_Retry_After_while_another_account_goes_on()
    {
        await using var gateway = await GatewayAsync(
            ("Gateway:RateLimits:PerAccount:PermitLimit", "3"),
            ("Gateway:RateLimits:PerAccount:Window", "00:10:00"));
        using var busy = gateway.NewClient(TestTokens.Valid("busy-desk"));
        using var other = gateway.NewClient(TestTokens.Valid("other-desk"));

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await busy.GetAsync("/offers/v1/organisations");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }
        using var refused = await busy.GetAsync("/offers/v1/organisations");
        using var otherAccount = await other.GetAsync("/offers/v1/organisations");

        await ProblemAssert.IsProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.InRange(ProblemAssert.RetryAfterSeconds(refused), 1, 600);
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
        Assert.Equal(4, _offers.AttemptsAt("/offers/v1/organisations")); // the refused one never went through
    }

    [Fact]
    public async Task A_client_address_over_its_limit_gets_429_even_without_a_token()
    {
        await using var gateway = await GatewayAsync(
            ("Gateway:RateLimits:PerClientAddress:PermitLimit", "2"),
            ("Gateway:RateLimits:PerClientAddress:Window", "00:10:00"));

        using var first = await gateway.Client.GetAsync("/offers/v1/offers");
        using var second = await gateway.Client.GetAsync("/offers/v1/offers");
        using var third = await gateway.Client.GetAsync("/offers/v1/offers");
        using var health = await gateway.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await ProblemAssert.IsProblemAsync(third, HttpStatusCode.TooManyRequests);
        Assert.True(ProblemAssert.RetryAfterSeconds(third) >= 1);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode); // probes are never limited
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_and_never_forwarded()
    {
        await using var gateway = await GatewayAsync(("Gateway:MaxRequestBodyBytes", "1024"));
        using var client = gateway.NewClient(TestTokens.Valid());

        using var response = await client.PostAsync("/offers/v1/too-big",
            new StringContent(new string('x', 2048), System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, _offers.AttemptsAt("/offers/v1/too-big"));
    }

    [Fact]
    public async Task A_streamed_body_without_length_is_cut_off_at_the_limit_with_413()
    {
        await using var gateway = await GatewayAsync(("Gateway:MaxRequestBodyBytes", "1024"));
        using var client = gateway.NewClient(TestTokens.Valid());
        var content = new StreamContent(new MemoryStream(new byte[64 * 1024]));
        content.Headers.ContentType = new("application/json");

        using var response = await client.PostAsync("/offers/v1/streamed", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_body_within_the_limit_passes()
    {
        await using var gateway = await GatewayAsync(("Gateway:MaxRequestBodyBytes", "1024"));
        using var client = gateway.NewClient(TestTokens.Valid());

        using var response = await client.PostAsync("/offers/v1/small",
            new StringContent(new string('x', 1000), System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

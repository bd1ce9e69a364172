using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

/// <summary>The pages for a limit reached and for a web service that is down: each test has its own gateway.</summary>
public sealed class BrowserPagesOwnGatewayTests : IAsyncLifetime
{
    private FakeBackend _web = null!;

    public async Task InitializeAsync() => _web = await FakeBackend.StartAsync();

    public async Task DisposeAsync() => await _web.DisposeAsync();

    private static Task<RunningGateway> GatewayAsync(string web, params (string Key, string Value)[] settings)
    {
        var backends = RunningGateway.Services.ToDictionary(s => s, _ => FakeBackend.NeverStarted().Address);
        backends["web"] = web;
        return RunningGateway.StartAsync(backends, settings.ToDictionary(s => s.Key, s => (string?)s.Value));
    }

    [Fact]
    public async Task Too_many_public_pages_give_a_browser_a_page_with_Retry_After_and_an_API_client_its_problem()
    {
        await using var gateway = await GatewayAsync(_web.Address,
            ("Gateway:RateLimits:PerClientAddress:PermitLimit", "1"),
            ("Gateway:RateLimits:PerClientAddress:Window", "00:10:00"));

        using var first = await gateway.Client.SendAsync(BrowserPagesTests.Navigation("/aanbod"));
        using var second = await gateway.Client.SendAsync(BrowserPagesTests.Navigation("/aanmelden"));
        using var api = await gateway.Client.GetAsync("/aanbod");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await BrowserPageAssert.IsPageAsync(second, HttpStatusCode.TooManyRequests);
        Assert.True(ProblemAssert.RetryAfterSeconds(second) >= 1);
        await ProblemAssert.IsProblemAsync(api, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task A_page_whose_service_is_down_gives_a_browser_a_page_with_Retry_After()
    {
        await using var gateway = await GatewayAsync(FakeBackend.NeverStarted().Address);

        using var page = await gateway.Client.SendAsync(BrowserPagesTests.Navigation("/aanbod"));
        using var api = await gateway.Client.GetAsync("/aanbod");

        var html = await BrowserPageAssert.IsPageAsync(page, HttpStatusCode.ServiceUnavailable);
        Assert.Contains("niet beschikbaar", html);
        Assert.Equal(7, ProblemAssert.RetryAfterSeconds(page));
        await ProblemAssert.IsProblemAsync(api, HttpStatusCode.ServiceUnavailable);
    }
}

using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

/// <summary>Each test has its own gateway and service, as it stops, slows or breaks the service.</summary>
public sealed class ResilienceTests : IAsyncLifetime
{
    private FakeBackend _registrations = null!;
    private RunningGateway _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _registrations = await FakeBackend.StartAsync();
        var backends = RunningGateway.Services.ToDictionary(s => s, _ => FakeBackend.NeverStarted().Address);
        backends["registrations"] = _registrations.Address;
        _gateway = await RunningGateway.StartAsync(backends, new Dictionary<string, string?> { ["Gateway:Timeout"] = "00:00:01" });
        _client = _gateway.NewClient(TestTokens.Valid());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _registrations.DisposeAsync();
    }

    [Fact]
    public async Task A_stopped_service_is_503_with_Retry_After_and_recovers_when_it_returns()
    {
        using (var before = await _client.GetAsync("/registrations/v1/visits"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await _registrations.StopAsync();
        using (var down = await _client.GetAsync("/registrations/v1/visits"))
        {
            var problem = await ProblemAssert.IsProblemAsync(down, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(7, ProblemAssert.RetryAfterSeconds(down));
            Assert.Contains("registrations", problem.GetProperty("detail").GetString());
        }

        await _registrations.StartAgainAsync();
        using var back = await Eventually.Until(() => _client.GetAsync("/registrations/v1/visits"), r => r.StatusCode == HttpStatusCode.OK,
            Eventually.Patience, "200 from registrations again", r => ((int)r.StatusCode).ToString(), RunningGateway.ProbePause);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }

    [Fact]
    public async Task A_service_that_was_never_up_is_503_too()
    {
        using var response = await _client.GetAsync("/monitoring/v1/counts");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.True(ProblemAssert.RetryAfterSeconds(response) > 0);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_in_time_is_504()
    {
        using var response = await _client.GetAsync("/registrations/v1/slow");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.Equal(1, _registrations.AttemptsAt("/registrations/v1/slow")); // a time-out is not retried
    }

    [Fact]
    public async Task A_GET_cut_off_once_is_retried_once_and_succeeds()
    {
        using var response = await _client.GetAsync("/registrations/v1/flaky");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await EchoedRequest.ReadAsync(response)).Attempt);
        Assert.Equal(2, _registrations.AttemptsAt("/registrations/v1/flaky"));
    }

    [Fact]
    public async Task A_GET_cut_off_every_time_is_tried_twice_then_502()
    {
        using var response = await _client.GetAsync("/registrations/v1/broken");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal(2, _registrations.AttemptsAt("/registrations/v1/broken"));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_are_never_retried(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/registrations/v1/flaky")
        {
            Content = method == "DELETE" ? null : JsonContent.Create(new { note = "x" }),
        };

        using var response = await _client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal(1, _registrations.AttemptsAt("/registrations/v1/flaky"));
    }
}

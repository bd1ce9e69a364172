using System.Net;
using IdoPlatform.Gateway.Tests.Support;
using IdoPlatform.Testing.Logging;

namespace IdoPlatform.Gateway.Tests;

/// <summary>While a service is down the gateway answers 503 from what its health checks know, without
/// trying the service for each request, and logs the change of state, not every request.</summary>
public sealed class QuietWhenDownTests : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private FakeBackend _registrations = null!;
    private RunningGateway _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _registrations = await FakeBackend.StartAsync();
        var backends = RunningGateway.Services.ToDictionary(s => s, _ => FakeBackend.NeverStarted().Address);
        backends["registrations"] = _registrations.Address;
        // The levels of the gateway's appsettings.json.
        _gateway = await RunningGateway.StartAsync(backends, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Yarp"] = "Warning",
        }, _logs);
        _client = _gateway.NewClient(TestTokens.Valid());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _registrations.DisposeAsync();
    }

    [Fact]
    public async Task A_service_its_probe_finds_down_gets_no_requests_while_clients_get_503()
    {
        // Probed once first: until then the gateway knows nothing of the service and reports it "not yet checked".
        await Eventually.Until(() => _gateway.ServiceStatusAsync("registrations"), s => s == "Healthy",
            Eventually.Patience, "registrations Healthy", pause: RunningGateway.ProbePause);
        _registrations.Alive = false;
        await Eventually.Until(() => _gateway.ServiceStatusAsync("registrations"), s => s != "Healthy",
            Eventually.Patience, "registrations no longer Healthy", pause: RunningGateway.ProbePause);

        for (var i = 0; i < 20; i++)
        {
            using var response = await _client.GetAsync("/registrations/v1/visits");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }

        Assert.Equal(0, _registrations.AttemptsAt("/registrations/v1/visits"));
    }

    [Fact]
    public async Task A_stopped_service_is_logged_when_it_goes_down_and_when_it_returns_not_per_request()
    {
        using (var before = await _client.GetAsync("/registrations/v1/visits"))
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        await _registrations.StopAsync();
        var logged = _logs.Entries.Count;

        for (var i = 0; i < 50; i++)
        {
            using var response = await _client.GetAsync("/registrations/v1/visits");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        await _registrations.StartAgainAsync();
        await Eventually.Until(() => _gateway.ServiceStatusAsync("registrations"), s => s == "Healthy",
            Eventually.Patience, "registrations Healthy", pause: RunningGateway.ProbePause);

        var during = _logs.Entries.Skip(logged).ToList();
        Assert.All(during, e => Assert.Null(e.Exception));
        Assert.InRange(during.Count, 1, 6); // down (probe and/or first refused connect), up again
        Assert.Contains(during, e => e.Message.Contains("registrations", StringComparison.Ordinal) || e.Message.Contains("primary", StringComparison.Ordinal));
    }
}

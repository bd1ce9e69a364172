using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

/// <summary>A service whose readiness fails only for RabbitMQ still takes writes (its event log is the
/// outbox), so the gateway probes liveness and keeps sending it traffic.</summary>
public sealed class NotReadyServiceTests : IAsyncLifetime
{
    private FakeBackend _registrations = null!;
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _registrations = await FakeBackend.StartAsync();
        _registrations.Ready = false; // before the gateway's first probe
        var backends = RunningGateway.Services.ToDictionary(s => s, _ => FakeBackend.NeverStarted().Address);
        backends["registrations"] = _registrations.Address;
        _gateway = await RunningGateway.StartAsync(backends);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _registrations.DisposeAsync();
    }

    [Fact]
    public async Task A_service_alive_but_not_ready_is_reported_healthy_and_keeps_its_traffic()
    {
        var status = await Eventually.Until(() => _gateway.ServiceStatusAsync("registrations"), s => s == "Healthy",
            Eventually.Patience, "registrations Healthy", pause: RunningGateway.ProbePause);
        using var response = await _gateway.NewClient(TestTokens.Valid()).PostAsJsonAsync("/registrations/v1/visits", new { topic = "digid" });

        Assert.Equal("Healthy", status);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

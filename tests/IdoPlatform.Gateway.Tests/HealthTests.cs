using System.Net;
using System.Text.Json;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

public sealed class HealthTests : IAsyncLifetime
{
    private FakeBackend _offers = null!;
    private RunningGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        _offers = await FakeBackend.StartAsync();
        var backends = RunningGateway.Services.ToDictionary(s => s, _ => FakeBackend.NeverStarted().Address);
        backends["offers"] = _offers.Address;
        _gateway = await RunningGateway.StartAsync(backends);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _offers.DisposeAsync();
    }

    [Fact]
    public async Task Live_answers_without_a_token()
    {
        using var response = await _gateway.Client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_reports_each_service_and_stays_up_when_one_is_down()
    {
        var report = await Eventually.Until(ReadyAsync,
            r => ServiceStatus(r.Body, "offers") == "Healthy" && ServiceStatus(r.Body, "monitoring") == "Degraded",
            Eventually.Patience, "offers Healthy and monitoring Degraded in the readiness report", pause: RunningGateway.ProbePause);

        Assert.Equal(HttpStatusCode.OK, report.Status);
        Assert.Equal("Degraded", report.Body.GetProperty("status").GetString());
        Assert.Equal("Healthy", ServiceStatus(report.Body, "offers"));
        foreach (var down in new[] { "registrations", "referrals", "monitoring" })
            Assert.Equal("Degraded", ServiceStatus(report.Body, down));
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await _gateway.Client.GetAsync("/health/ready");
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    private static string? ServiceStatus(JsonElement report, string service) =>
        report.GetProperty("services").GetProperty(service).GetProperty("status").GetString();
}

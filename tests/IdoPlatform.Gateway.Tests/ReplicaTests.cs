using System.Net;
using System.Text;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

/// <summary>Registrations with two instances (destinations "primary" and "second"; the first is always
/// tried first, so a retry is seen to go to the other). Each test has its own gateway and instances.</summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private const string Path = "/registrations/v1/visits";

    private FakeBackend _primary = null!;
    private FakeBackend _second = null!;
    private RunningGateway _gateway = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _primary = await FakeBackend.StartAsync();
        _second = await FakeBackend.StartAsync();
        var backends = RunningGateway.Services.ToDictionary(s => s, _ => FakeBackend.NeverStarted().Address);
        backends["registrations"] = _primary.Address;
        _gateway = await RunningGateway.StartAsync(backends, new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:registrations:Destinations:second:Address"] = _second.Address,
            ["ReverseProxy:Clusters:registrations:LoadBalancingPolicy"] = "FirstAlphabetical",
        });
        _client = _gateway.NewClient(TestTokens.Valid());
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _gateway.DisposeAsync();
        await _primary.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task Any_request_that_could_not_connect_goes_to_the_other_instance()
    {
        await _primary.StopAsync();

        using var response = await _client.PostAsync(Path, Body("zonder sleutel"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _second.AttemptsAt(Path));
    }

    [Fact]
    public async Task A_POST_with_an_Idempotency_Key_cut_off_is_sent_again_whole_to_the_other_instance()
    {
        _primary.CutsOffEverything = true;
        var body = new string('x', 50_000); // past the 30 KB kept in memory
        using var content = Body(body);
        var length = (await content.ReadAsByteArrayAsync()).Length;
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = content };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(length, (await EchoedRequest.ReadAsync(response)).BodyLength);
        Assert.Equal(1, _primary.AttemptsAt(Path));
        Assert.Equal(1, _second.AttemptsAt(Path));
    }

    [Fact]
    public async Task A_POST_without_a_key_cut_off_is_not_sent_again()
    {
        _primary.CutsOffEverything = true;

        using var response = await _client.PostAsync(Path, Body("zonder sleutel"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal(1, _primary.AttemptsAt(Path));
        Assert.Equal(0, _second.AttemptsAt(Path));
    }

    [Fact]
    public async Task A_GET_cut_off_goes_to_the_other_instance()
    {
        _primary.CutsOffEverything = true;

        using var response = await _client.GetAsync(Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, _second.AttemptsAt(Path));
    }

    [Fact]
    public async Task One_instance_down_keeps_the_service_up_and_ready_names_each_instance()
    {
        await _primary.StopAsync();

        var status = await Eventually.Until(() => DestinationsAsync(), d => d.Primary == "Unhealthy" && d.Second == "Healthy",
            Eventually.Patience, "the primary Unhealthy and the second Healthy", pause: RunningGateway.ProbePause);

        Assert.Equal(("Unhealthy", "Healthy", "Healthy"), status);
        for (var i = 0; i < 5; i++)
        {
            using var response = await _client.GetAsync(Path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        Assert.Equal(0, _primary.AttemptsAt(Path));
    }

    [Fact]
    public async Task Both_instances_down_is_503_at_once()
    {
        await _primary.StopAsync();
        await _second.StopAsync();
        await Eventually.Until(() => DestinationsAsync(), d => d.Service == "Degraded",
            Eventually.Patience, "the service Degraded", pause: RunningGateway.ProbePause);

        using var response = await _client.PostAsync(Path, Body("zonder sleutel"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.ServiceUnavailable);
    }

    private static StringContent Body(string note) => new($$"""{"note":"{{note}}"}""", Encoding.UTF8, "application/json");

    private async Task<(string? Primary, string? Second, string? Service)> DestinationsAsync()
    {
        using var response = await _gateway.Client.GetAsync("/health/ready");
        var service = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("services").GetProperty("registrations");
        var destinations = service.GetProperty("destinations");
        return (destinations.GetProperty("primary").GetString(), destinations.GetProperty("second").GetString(), service.GetProperty("status").GetString());
    }
}

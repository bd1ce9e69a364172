using System.Net;
using IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

/// <summary>A service told to stop (as on SIGTERM) first reports itself as stopping while it still serves
/// (<c>Api:ShutdownDrain</c>), then finishes the requests in flight before it ends. On a real port.</summary>
public sealed class GracefulStopTests
{
    [Fact]
    public async Task Stopping_reports_unready_keeps_serving_during_the_drain_and_finishes_requests_in_flight()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:Issuer"] = "https://login.ido.example.nl",
            ["Auth:Audience"] = "ido-platform",
            ["Auth:SigningKey"] = Security.TokenIssuer.NewSigningKey(),
            // Long enough for the three checks below on a machine busy with other test runs (1.5 s was not, once).
            ["Api:ShutdownDrain"] = "00:00:04",
        });
        builder.AddServiceDefaults(SampleHost.Service);
        await using var app = builder.Build();
        app.UseServiceDefaults();
        app.MapGet("/samples/v1/slow", async () => { await Task.Delay(TimeSpan.FromSeconds(5)); return "klaar"; }).AllowAnonymous();
        app.MapGet("/samples/v1/quick", () => "snel").AllowAnonymous();
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address };

        using (var live = await client.GetAsync("/health/live"))
            Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var inFlight = client.GetStringAsync("/samples/v1/slow");
        await Task.Delay(300);

        var stopping = app.StopAsync();
        await Task.Delay(300);
        using (var live = await client.GetAsync("/health/live"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, live.StatusCode);
        using (var ready = await client.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("snel", await client.GetStringAsync("/samples/v1/quick")); // still served while draining

        Assert.Equal("klaar", await inFlight);
        await stopping;
        using var fresh = new HttpClient { BaseAddress = address };
        await Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync("/samples/v1/quick"));
    }
}

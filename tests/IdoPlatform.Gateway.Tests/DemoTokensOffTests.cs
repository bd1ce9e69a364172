using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

public sealed class DemoTokensOffTests
{
    [Fact]
    public async Task Without_configuration_the_demo_token_endpoint_does_not_exist()
    {
        var nowhere = FakeBackend.NeverStarted().Address;
        await using var gateway = await RunningGateway.StartAsync(RunningGateway.Services.ToDictionary(s => s, _ => nowhere));

        using var response = await gateway.Client.PostAsJsonAsync("/auth/v1/tokens", new { username = "uwv", password = "demo-only-uwv" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}

using System.Diagnostics;
using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;
using IdoPlatform.Launcher;
using Xunit.Abstractions;

namespace IdoPlatform.EndToEnd.Tests.Edge;

/// <summary>A stopped service: the gateway answers 503 (problem document, Retry-After) for it, the other
/// services go on, and it is used again once it is back.</summary>
[Collection(PlatformCollection.Name)]
public sealed class StoppedServiceTests(PlatformFixture platform, ITestOutputHelper output)
{
    [Fact]
    public async Task A_stopped_service_gives_503_through_the_gateway_and_recovers_when_it_returns()
    {
        using var desk = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.DeskA));
        (await desk.GetAsync("registrations/v1/code-lists")).Expect(HttpStatusCode.OK);

        var clock = Stopwatch.StartNew();
        await platform.Platform.StopServiceAsync(PlatformService.Registrations);
        try
        {
            var down = await Eventually.Until(() => desk.GetAsync("registrations/v1/code-lists"),
                r => r.Status == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(20), "503 for the stopped registrations service");
            Assert.Equal("application/problem+json", down.ContentType);
            Assert.True(int.TryParse(down.Header("Retry-After"), out var seconds) && seconds > 0, $"503 without a Retry-After in seconds: {down}");

            // A write is not retried and not lost silently: 503 too.
            var write = await desk.PostAsync("registrations/v1/visits", Bodies.Visit(platform.Seeds.MatrixLocationA));
            Assert.True(write.Status == HttpStatusCode.ServiceUnavailable, $"Expected 503 for a POST to a stopped service: {write}");

            // The others are not affected.
            (await desk.GetAsync("referrals/v1/agencies")).Expect(HttpStatusCode.OK);
            (await platform.Gateway().GetAsync("offers/v1/offers?postcode=9711AB")).Expect(HttpStatusCode.OK);
        }
        finally
        {
            await platform.Platform.StartServiceAsync(PlatformService.Registrations);
        }
        output.WriteLine($"registrations stopped and back in {clock.Elapsed.TotalSeconds:0.0} s");

        var back = await Eventually.Until(() => desk.GetAsync("registrations/v1/code-lists"),
            r => r.Status == HttpStatusCode.OK, TimeSpan.FromSeconds(20), "registrations to answer through the gateway again");
        Assert.Equal(HttpStatusCode.OK, back.Status);
        (await desk.PostAsync("registrations/v1/visits", Bodies.Visit(platform.Seeds.MatrixLocationA))).Expect(HttpStatusCode.Created);
    }
}

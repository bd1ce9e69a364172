using System.Collections.Concurrent;
using IdoPlatform.EndToEnd.Tests.Fixture;

namespace IdoPlatform.EndToEnd.Tests.Edge;

/// <summary>The gateway's per-account limit: past it, 429 with Retry-After as a problem document; another
/// account is still served.</summary>
[Collection(PlatformCollection.Name)]
public sealed class RateLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task An_account_past_its_limit_gets_429_with_Retry_After_and_others_are_still_served()
    {
        var seeds = platform.Seeds;
        using var busy = platform.Gateway(platform.Tokens.Desk(seeds.OrganisationA, "e2e-rate-limited-" + Guid.NewGuid().ToString("N")[..8]));
        var limit = PlatformFixture.PermitsPerAccount;
        var served = 0;
        var refused = new ConcurrentQueue<ApiResponse>();
        var others = new ConcurrentQueue<ApiResponse>();
        var sent = 0;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            while (refused.IsEmpty && Interlocked.Increment(ref sent) <= 2 * limit + 50)
            {
                var answer = await busy.GetAsync("registrations/v1/code-lists");
                if (answer.Status == HttpStatusCode.OK) Interlocked.Increment(ref served);
                else if (answer.Status == (HttpStatusCode)429) refused.Enqueue(answer);
                else others.Enqueue(answer);
            }
        });
        await Task.WhenAll(workers);

        Assert.True(others.IsEmpty, $"Only 200 or 429 expected, got: {others.FirstOrDefault()}");
        Assert.True(refused.TryPeek(out var tooMany), $"No 429 after {served} requests of one account (limit {limit} a minute).");
        Assert.True(served <= limit, $"{served} requests were served in the first window; the limit is {limit}.");
        Assert.Equal("application/problem+json", tooMany!.ContentType);
        Assert.True(int.TryParse(tooMany.Header("Retry-After"), out var seconds) && seconds is > 0 and <= 60,
            $"429 without a Retry-After of 1–60 seconds: {tooMany}");
        Assert.Equal(429, tooMany.Json["status"]!.GetValue<int>());

        using var calm = platform.Gateway(platform.Tokens.Desk(seeds.OrganisationA, "e2e-not-limited-" + Guid.NewGuid().ToString("N")[..8]));
        (await calm.GetAsync("registrations/v1/code-lists")).Expect(HttpStatusCode.OK);
    }
}

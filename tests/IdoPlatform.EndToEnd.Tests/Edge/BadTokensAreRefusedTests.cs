using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.Launcher;
using SecurityRoles = IdoPlatform.BuildingBlocks.Security.Roles;

namespace IdoPlatform.EndToEnd.Tests.Edge;

/// <summary>A forged or expired token gets 401 at the gateway and at every service reached directly: a
/// request that bypasses the gateway gets nothing more. Each bad token claims an account whose genuine token
/// is answered 200 on the same endpoint.</summary>
[Collection(PlatformCollection.Name)]
public sealed class BadTokensAreRefusedTests(PlatformFixture platform)
{
    public enum BadToken { Expired, SignedWithAnotherKey, AlteredAfterSigning, Unsigned, NotAToken }

    /// <summary>Where the request goes; null is the gateway.</summary>
    public static TheoryData<BadToken, PlatformService?> Cases()
    {
        var cases = new TheoryData<BadToken, PlatformService?>();
        foreach (var token in Enum.GetValues<BadToken>())
            foreach (var target in new PlatformService?[] { null, PlatformService.Registrations, PlatformService.Referrals, PlatformService.Offers, PlatformService.Monitoring })
                cases.Add(token, target);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_forged_or_expired_token_is_refused_with_401(BadToken kind, PlatformService? target)
    {
        // Per service an endpoint the claimed account may use with a genuine token (checked first).
        var service = target ?? PlatformService.Monitoring;
        var (path, claimed) = service switch
        {
            PlatformService.Registrations => ("registrations/v1/visits",
                new CurrentAccount("e2e-forger", SecurityRoles.Desk, platform.Seeds.OrganisationA)),
            PlatformService.Referrals => ("referrals/v1/referrals", new CurrentAccount("e2e-forger", SecurityRoles.Agency, AgencyCode: "uwv")),
            PlatformService.Offers => ($"offers/v1/locations/{platform.Seeds.IdoLocationsA[0]}/history",
                new CurrentAccount("e2e-forger", SecurityRoles.PlatformAdmin)),
            _ => ("monitoring/v1/ido-locations", new CurrentAccount("e2e-forger", SecurityRoles.PlatformAdmin)),
        };
        var token = kind switch
        {
            BadToken.Expired => platform.Tokens.Expired(claimed),
            BadToken.SignedWithAnotherKey => platform.Tokens.SignedWithAnotherKey(claimed),
            BadToken.AlteredAfterSigning => platform.Tokens.Altered(claimed),
            BadToken.Unsigned => platform.Tokens.Unsigned(claimed),
            _ => "not-a-token",
        };
        using var genuine = Client(target, platform.Tokens.Issue(claimed));
        (await genuine.GetAsync(path)).Expect(HttpStatusCode.OK);

        using var api = Client(target, token);
        var answer = await api.GetAsync(path);

        Assert.True(answer.Status == HttpStatusCode.Unauthorized, $"Expected 401 for a token {kind}: {answer}");
        Assert.StartsWith("Bearer", answer.Header("WWW-Authenticate") ?? "");
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    private ApiClient Client(PlatformService? target, string token) =>
        target is { } service ? platform.Direct(service, token) : platform.Gateway(token);
}

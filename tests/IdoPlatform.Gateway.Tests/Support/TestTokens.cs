using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.Gateway.Tests.Support;

/// <summary>Tokens made by the tests themselves with the platform's <see cref="TokenIssuer"/>: valid ones
/// with the gateway's test key, and the ones a gateway must refuse (expired, signed with another key,
/// for another audience).</summary>
public static class TestTokens
{
    public const string Issuer = "https://test.ido-platform.example.nl";
    public const string Audience = "ido-platform-tests";
    public static readonly string SigningKey = Convert.ToBase64String("gateway-tests-signing-key-of-at-least-32-bytes!!"u8.ToArray());
    private static readonly string OtherKey = Convert.ToBase64String("a-forger-s-own-key-that-is-also-32-bytes-long!!!"u8.ToArray());
    private static readonly Guid Organisation = Guid.Parse("94fa902f-f87c-59db-b362-0f6f1616d492");

    public static string Valid(string subject = "desk-1") =>
        Issue(SigningKey, Audience, Desk(subject), DateTimeOffset.UtcNow);

    public static string Expired(string subject = "desk-1") =>
        Issue(SigningKey, Audience, Desk(subject), DateTimeOffset.UtcNow.AddHours(-2));

    /// <summary>Claims a platform administrator, signed with a key the platform does not know.</summary>
    public static string Forged(string subject = "desk-1") =>
        Issue(OtherKey, Audience, new CurrentAccount(subject, Roles.PlatformAdmin), DateTimeOffset.UtcNow);

    public static string OtherAudience(string subject = "desk-1") =>
        Issue(SigningKey, "some-other-api", Desk(subject), DateTimeOffset.UtcNow);

    private static CurrentAccount Desk(string subject) => new(subject, Roles.Desk, Organisation);

    private static string Issue(string key, string audience, CurrentAccount account, DateTimeOffset issuedAt) =>
        TokenIssuer.Issue(new AuthOptions { Issuer = Issuer, Audience = audience, SigningKey = key }, account, TimeSpan.FromHours(1), issuedAt);
}

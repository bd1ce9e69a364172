using System.Text;
using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.EndToEnd.Tests.Fixture;

/// <summary>
/// Tokens signed here with the platform's own key (as an OpenID Connect provider would), for accounts the demo
/// seed does not have: extra desks to spread a burst over, set-up accounts that keep the tested accounts'
/// rate windows free. And the bad ones: expired, signed with another key, altered after signing, unsigned.
/// </summary>
public sealed class TokenMint(string issuer, string audience, string signingKey)
{
    private AuthOptions Auth(string key) => new() { Issuer = issuer, Audience = audience, SigningKey = key };

    public string Desk(Guid organisation, string subject) => Issue(new CurrentAccount(subject, Roles.Desk, organisation));

    public string LibraryAdmin(Guid organisation, string subject) => Issue(new CurrentAccount(subject, Roles.LibraryAdmin, organisation));

    public string Agency(string agency, string subject) => Issue(new CurrentAccount(subject, Roles.Agency, AgencyCode: agency));

    public string Monitor(string subject) => Issue(new CurrentAccount(subject, Roles.Monitor));

    public string PlatformAdmin(string subject) => Issue(new CurrentAccount(subject, Roles.PlatformAdmin));

    public string Issue(CurrentAccount account) => TokenIssuer.Issue(Auth(signingKey), account, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    /// <summary>Valid in every way but its age: it ran out an hour ago (far beyond any clock skew).</summary>
    public string Expired(CurrentAccount account) =>
        TokenIssuer.Issue(Auth(signingKey), account, TimeSpan.FromHours(1), DateTimeOffset.UtcNow.AddHours(-2));

    /// <summary>Right issuer, audience and claims, signed with a key the platform never saw.</summary>
    public string SignedWithAnotherKey(CurrentAccount account) =>
        TokenIssuer.Issue(Auth(TokenIssuer.NewSigningKey()), account, TimeSpan.FromHours(1), DateTimeOffset.UtcNow);

    /// <summary>A monitor's genuine token whose payload was swapped for <paramref name="account"/>'s; the
    /// signature is still the monitor's.</summary>
    public string Altered(CurrentAccount account)
    {
        var genuine = Issue(new CurrentAccount(account.AccountId, Roles.Monitor)).Split('.');
        var claimed = Issue(account).Split('.');
        return $"{genuine[0]}.{claimed[1]}.{genuine[2]}";
    }

    /// <summary>The same claims with <c>alg: none</c> and no signature.</summary>
    public string Unsigned(CurrentAccount account)
    {
        var payload = Issue(account).Split('.')[1];
        var header = Base64Url("""{"alg":"none","typ":"JWT"}""");
        return $"{header}.{payload}.";
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Security.Claims;
using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;

namespace IdoPlatform.Web.SignIn;

/// <summary>The cookie session made from an access token: the account's claims to decide what the pages show, and the
/// token itself in the (encrypted) authentication properties, to call the services with. The services validate the
/// token on every call; here it is only read.</summary>
public sealed record SessionPrincipal(ClaimsPrincipal Principal, DateTimeOffset ExpiresAt, string AccessToken)
{
    public const string TokenName = "access_token";

    /// <summary>The session of an access token; <paramref name="nameElsewhere"/> (the id token's) names the person when
    /// the access token does not.</summary>
    public static SessionPrincipal? From(string? accessToken, string? nameElsewhere = null)
    {
        if (string.IsNullOrWhiteSpace(accessToken))
            return null;
        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebTokenHandler().ReadJsonWebToken(accessToken);
        }
        catch (ArgumentException)
        {
            return null;
        }
        var identity = new ClaimsIdentity(jwt.Claims.Where(c => c.Type is PlatformClaims.Subject or PlatformClaims.Role
                or PlatformClaims.Organisation or PlatformClaims.Agency or PlatformClaims.Name).Select(c => new Claim(c.Type, c.Value)),
            CookieAuthenticationDefaults.AuthenticationScheme, PlatformClaims.Subject, PlatformClaims.Role);
        if (!identity.HasClaim(c => c.Type == PlatformClaims.Name) && !string.IsNullOrWhiteSpace(nameElsewhere))
            identity.AddClaim(new Claim(PlatformClaims.Name, nameElsewhere));
        var principal = new ClaimsPrincipal(identity);
        return CurrentAccount.TryRead(principal, out _, out _)
            ? new SessionPrincipal(principal, new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero), accessToken)
            : null;
    }

    /// <summary>Cookie properties: the token inside, and the session ends when the token does.</summary>
    public AuthenticationProperties Properties()
    {
        var properties = new AuthenticationProperties { ExpiresUtc = ExpiresAt, IsPersistent = false };
        properties.StoreTokens([new AuthenticationToken { Name = TokenName, Value = AccessToken }]);
        return properties;
    }
}

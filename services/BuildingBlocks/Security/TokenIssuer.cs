using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdoPlatform.BuildingBlocks.Security;

/// <summary>Signs tokens with the shared symmetric key of the <c>Auth</c> section: for the gateway's
/// demo token endpoint and for tests. In production an OpenID Connect provider issues them.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider? time = null)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    public string Issue(CurrentAccount account, TimeSpan? lifetime = null, string? displayName = null) =>
        Issue(options.Value, account, lifetime ?? DefaultLifetime, (time ?? TimeProvider.System).GetUtcNow(), displayName);

    /// <summary>A token issued at <paramref name="issuedAt"/> (a past moment gives an expired token); with a
    /// <paramref name="displayName"/>, the pages greet the person by it.</summary>
    public static string Issue(AuthOptions auth, CurrentAccount account, TimeSpan lifetime, DateTimeOffset issuedAt,
        string? displayName = null)
    {
        var key = auth.SigningKeyBytes()
            ?? throw new InvalidOperationException("Auth:SigningKey is needed to issue tokens.");
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = auth.Issuer,
            Audience = auth.Audience,
            IssuedAt = issuedAt.UtcDateTime,
            NotBefore = issuedAt.UtcDateTime,
            Expires = (issuedAt + lifetime).UtcDateTime,
            Claims = account.ToClaims().ToDictionary(c => c.Type, c => (object)c.Value),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        descriptor.Claims[JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString();
        if (!string.IsNullOrWhiteSpace(displayName))
            descriptor.Claims[PlatformClaims.Name] = displayName;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>A fresh random key in the form <c>Auth:SigningKey</c> expects.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}

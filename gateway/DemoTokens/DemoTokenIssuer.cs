using IdoPlatform.BuildingBlocks.Security;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Gateway.DemoTokens;

/// <summary>Signs a token for a demo account with the platform's <see cref="TokenIssuer"/>: the claims
/// every service reads (sub, role, and org or agency where the role is scoped), and the name the pages show.</summary>
internal sealed class DemoTokenIssuer(TokenIssuer tokens, IOptions<DemoTokenOptions> options, TimeProvider clock)
{
    public IssuedToken Issue(DemoAccount account)
    {
        var lifetime = options.Value.Lifetime;
        var expires = clock.GetUtcNow() + lifetime;
        var token = tokens.Issue(new CurrentAccount(account.Subject, account.Role, account.OrganisationId, account.Agency), lifetime,
            account.DisplayName);
        return new IssuedToken(token, "Bearer", (int)lifetime.TotalSeconds, expires);
    }
}

/// <summary>The token endpoint's answer.</summary>
public sealed record IssuedToken(string AccessToken, string TokenType, int ExpiresIn, DateTimeOffset ExpiresAt);

using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.SignIn;

namespace IdoPlatform.Web.Tests.SignIn;

/// <summary>The name the pages show: the access token's own, else the one the sign-in found elsewhere (the id token).</summary>
public sealed class SessionPrincipalTests
{
    private static readonly AuthOptions Auth = new() { Issuer = "ido", Audience = "ido", SigningKey = TokenIssuer.NewSigningKey() };
    private static readonly CurrentAccount Desk = new("desk-7", Roles.Desk, Guid.NewGuid());

    private static string Token(string? name) => TokenIssuer.Issue(Auth, Desk, TimeSpan.FromHours(1), DateTimeOffset.UtcNow, name);

    private static string? NameOf(SessionPrincipal? session) => session?.Principal.FindFirst(PlatformClaims.Name)?.Value;

    [Fact]
    public void The_access_tokens_name_is_kept_and_wins_over_the_id_tokens()
    {
        Assert.Equal("Baliemedewerker Noord", NameOf(SessionPrincipal.From(Token("Baliemedewerker Noord"))));
        Assert.Equal("Baliemedewerker Noord", NameOf(SessionPrincipal.From(Token("Baliemedewerker Noord"), "Iemand anders")));
    }

    [Fact]
    public void Without_a_name_in_the_access_token_the_id_tokens_is_used_and_otherwise_none()
    {
        Assert.Equal("Iemand anders", NameOf(SessionPrincipal.From(Token(null), "Iemand anders")));
        var nameless = SessionPrincipal.From(Token(null));
        Assert.NotNull(nameless);
        Assert.Null(NameOf(nameless));
    }
}

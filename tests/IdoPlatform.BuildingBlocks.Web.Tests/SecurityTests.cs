using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

[Collection(nameof(SampleHost))]
public sealed class SecurityTests(SampleHost host)
{
    private const string Me = "/samples/v1/me";

    [Fact]
    public async Task No_token_is_a_401_problem_with_a_bearer_challenge()
    {
        var response = await host.Client.GetAsync(Me);

        await ProblemAssert.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_a_401_problem()
    {
        var forger = new AuthOptions { Issuer = host.Auth.Issuer, Audience = host.Auth.Audience, SigningKey = TokenIssuer.NewSigningKey() };
        var forged = TokenIssuer.Issue(forger, SampleHost.DeskAccount, TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow);

        await ProblemAssert.ReadAsync(await GetMe(forged), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_tampered_token_is_a_401_problem()
    {
        var token = host.TokenFor(SampleHost.DeskAccount);
        var parts = token.Split('.');
        var claims = JsonSerializer.Serialize(new { sub = "desk-1", role = Roles.PlatformAdmin, iss = host.Auth.Issuer, aud = host.Auth.Audience, exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds() });
        var tampered = $"{parts[0]}.{Base64Url(claims)}.{parts[2]}";

        await ProblemAssert.ReadAsync(await GetMe(tampered), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_token_is_a_401_problem()
    {
        var expired = host.TokenFor(SampleHost.DeskAccount, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-1));

        await ProblemAssert.ReadAsync(await GetMe(expired), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_another_audience_is_a_401_problem()
    {
        var elsewhere = new AuthOptions { Issuer = host.Auth.Issuer, Audience = "other-platform", SigningKey = host.Auth.SigningKey };
        var token = TokenIssuer.Issue(elsewhere, SampleHost.DeskAccount, TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow);

        await ProblemAssert.ReadAsync(await GetMe(token), HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("desk", null, null)]                 // desk without org
    [InlineData("agency", null, null)]               // agency without agency code
    [InlineData("librarian", null, null)]            // unknown role
    public async Task A_valid_signature_with_unreadable_claims_is_a_401_problem(string role, string? org, string? agency)
    {
        var token = TokenIssuer.Issue(host.Auth, new CurrentAccount("x-1", role, org is null ? null : Guid.Parse(org), agency),
            TimeSpan.FromMinutes(10), DateTimeOffset.UtcNow);

        await ProblemAssert.ReadAsync(await GetMe(token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_wrong_role_is_a_403_problem()
    {
        var response = await host.ClientAs(SampleHost.DeskAccount).GetAsync("/samples/v1/monitor-only");

        await ProblemAssert.ReadAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_right_role_passes()
    {
        var response = await host.ClientAs(SampleHost.MonitorAccount).GetAsync("/samples/v1/monitor-only");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_current_account_is_read_from_the_token()
    {
        var agency = new CurrentAccount("uwv-7", Roles.Agency, AgencyCode: "UWV");

        var response = await host.ClientAs(agency).GetAsync(Me);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("uwv-7", body.GetProperty("accountId").GetString());
        Assert.Equal("agency", body.GetProperty("role").GetString());
        Assert.Equal("UWV", body.GetProperty("agencyCode").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("organisationId").ValueKind);
    }

    [Fact]
    public async Task An_anonymous_endpoint_sees_no_account_without_a_token_and_the_account_with_one()
    {
        var anonymous = await host.Client.GetStringAsync("/samples/v1/public");
        var signedIn = await host.ClientAs(SampleHost.DeskAccount).GetStringAsync("/samples/v1/public");

        Assert.Contains("false", anonymous);
        Assert.Contains("true", signedIn);
    }

    [Fact]
    public void Claims_round_trip_through_a_token_for_every_role()
    {
        var org = Guid.NewGuid();
        foreach (var account in new[]
        {
            new CurrentAccount("a", Roles.Desk, org), new CurrentAccount("b", Roles.LibraryAdmin, org),
            new CurrentAccount("c", Roles.Agency, AgencyCode: "SVB"), new CurrentAccount("d", Roles.Monitor),
            new CurrentAccount("e", Roles.PlatformAdmin),
        })
        {
            var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(account.ToClaims(), "test"));
            Assert.True(CurrentAccount.TryRead(principal, out var read, out var error), error);
            Assert.Equal(account, read);
        }
    }

    private async Task<HttpResponseMessage> GetMe(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Me);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await host.Client.SendAsync(request);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

[Collection(GatewayWithFourServicesCollection.Name)]
public sealed class AuthenticationTests(GatewayWithFourServices fixture)
{
    private RunningGateway Gateway => fixture.Gateway;

    public static TheoryData<string?> RefusedTokens => new()
    {
        null,
        TestTokens.Forged(),
        TestTokens.Expired(),
        TestTokens.OtherAudience(),
        "not-a-jwt-at-all",
    };

    [Theory]
    [MemberData(nameof(RefusedTokens))]
    public async Task Without_a_valid_token_a_protected_path_is_401_and_the_service_never_hears_of_it(string? token)
    {
        const string path = "/registrations/v1/visits/refused";
        using var client = Gateway.NewClient(token);

        using var response = await client.GetAsync(path);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(0, fixture.Backends["registrations"].AttemptsAt(path));
    }

    [Fact]
    public async Task An_expired_token_is_told_apart_in_the_answer()
    {
        using var client = Gateway.NewClient(TestTokens.Expired());

        using var response = await client.GetAsync("/referrals/v1/referrals");

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("verlopen", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/registrations/v1/openapi.json")]
    [InlineData("/referrals/v1/openapi.json")]
    [InlineData("/offers/v1/openapi.json")]
    [InlineData("/monitoring/v1/openapi.json")]
    [InlineData("/offers/v1/offers")]
    [InlineData("/offers/v1/offers/3f0e8c1a-5d43-4c5e-9a57-0d1f6c1b2a11")]
    [InlineData("/offers/v1/locations")]
    [InlineData("/offers/v1/locations/7b0c3e55-2b7a-4c8d-8f1e-5a9d2c4b6e10")]
    public async Task OpenAPI_documents_and_offer_search_need_no_token(string path)
    {
        using var response = await Gateway.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(path, (await EchoedRequest.ReadAsync(response)).Path.Split('?')[0]);
    }

    [Theory]
    [InlineData("POST", "/offers/v1/offers")]
    [InlineData("PUT", "/offers/v1/offers/3f0e8c1a-5d43-4c5e-9a57-0d1f6c1b2a11")]
    [InlineData("GET", "/offers/v1/organisations")]
    [InlineData("GET", "/offers/v1/locations/7b0c3e55-2b7a-4c8d-8f1e-5a9d2c4b6e10/history")]
    [InlineData("GET", "/monitoring/v1/openapi.yaml")]
    public async Task Only_the_public_reads_are_public(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await Gateway.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_demo_account_gets_a_token_that_the_gateway_accepts()
    {
        using var tokenResponse = await Gateway.Client.PostAsJsonAsync("/auth/v1/tokens",
            new { username = "uwv", password = "demo-only-uwv" });
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        var issued = await tokenResponse.Content.ReadFromJsonAsync<TokenAnswer>();
        Assert.Equal("Bearer", issued!.TokenType);
        Assert.True(issued.ExpiresIn > 0);

        using var client = Gateway.NewClient(issued.AccessToken);
        using var response = await client.GetAsync("/referrals/v1/referrals");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = DecodePayload(issued.AccessToken);
        Assert.Equal("agency", claims.GetProperty("role").GetString());
        Assert.Equal("uwv", claims.GetProperty("agency").GetString());
        Assert.Equal("demo-agency-uwv", claims.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task A_desk_token_names_its_organisation()
    {
        using var tokenResponse = await Gateway.Client.PostAsJsonAsync("/auth/v1/tokens",
            new { username = "balie-friese-wouden", password = "demo-only-balie-2" });
        var issued = await tokenResponse.Content.ReadFromJsonAsync<TokenAnswer>();

        var claims = DecodePayload(issued!.AccessToken);
        Assert.Equal("desk", claims.GetProperty("role").GetString());
        Assert.Equal("36bf8b67-e35e-57a0-8f8c-0db74dac6f69", claims.GetProperty("org").GetString());
        Assert.False(claims.TryGetProperty("agency", out _));
    }

    [Fact]
    public async Task A_wrong_password_gets_no_token()
    {
        using var response = await Gateway.Client.PostAsJsonAsync("/auth/v1/tokens", new { username = "uwv", password = "guess" });

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_request_names_every_bad_field_at_once()
    {
        using var response = await Gateway.Client.PostAsJsonAsync("/auth/v1/tokens", new { username = "  ", password = (string?)null, extra = 1 });

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var names = problem.GetProperty("invalidParams").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToHashSet();
        Assert.Contains("username", names);
        Assert.Contains("password", names);
        Assert.Contains("extra", names);
    }

    [Fact]
    public async Task A_token_request_that_is_not_json_is_a_problem_not_a_crash()
    {
        using var response = await Gateway.Client.PostAsync("/auth/v1/tokens",
            new StringContent("{ not json", System.Text.Encoding.UTF8, "application/json"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("""{"username":"monitor","username":null,"password":"demo-only-monitor"}""", "username")]
    [InlineData("""{"username":"monitor","password":"demo-only-monitor","zz":1,"zz":2}""", "zz")]
    public async Task A_token_request_with_a_repeated_field_is_a_400_naming_it(string json, string repeated)
    {
        using var response = await Gateway.Client.PostAsync("/auth/v1/tokens",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var invalid = problem.GetProperty("invalidParams").EnumerateArray().Single();
        Assert.Equal(repeated, invalid.GetProperty("name").GetString());
        Assert.Equal("duplicate", invalid.GetProperty("code").GetString());
    }

    public static TheoryData<byte[]> TokenRequestsWithInvalidText => new()
    {
        """{"username":"\ud800","password":"x"}"""u8.ToArray(),                           // a lone surrogate in a value
        (byte[])[.. "{\"username\":\""u8, 0xFF, .. "\",\"password\":\"x\"}"u8],                // not UTF-8 in a value
        """{"username":"monitor","password":"demo-only-monitor","\udfff":1}"""u8.ToArray(), // … in a property name
        (byte[])[.. "{\""u8, 0xFF, .. "\":1}"u8],
    };

    [Theory]
    [MemberData(nameof(TokenRequestsWithInvalidText))]
    public async Task A_token_request_with_invalid_text_is_a_400_not_a_crash(byte[] json)
    {
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");

        using var response = await Gateway.Client.PostAsync("/auth/v1/tokens", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_token_request_with_a_control_character_names_the_field()
    {
        using var response = await Gateway.Client.PostAsync("/auth/v1/tokens",
            new StringContent("""{"username":"monitor\u202e","password":"demo-only-monitor"}""", System.Text.Encoding.UTF8, "application/json"));

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var invalid = problem.GetProperty("invalidParams").EnumerateArray().Single();
        Assert.Equal("username", invalid.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("application/json; charset=foo")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("text/plain; charset=utf-8")]
    public async Task A_token_request_that_is_not_UTF8_JSON_is_415(string contentType)
    {
        using var content = new ByteArrayContent("""{"username":"monitor","password":"demo-only-monitor"}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Gateway.Client.PostAsync("/auth/v1/tokens", content);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_token_request_may_name_its_UTF8_charset_in_any_case()
    {
        using var content = new ByteArrayContent("""{"username":"monitor","password":"demo-only-monitor"}"""u8.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=UTF-8");

        using var response = await Gateway.Client.PostAsync("/auth/v1/tokens", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed record TokenAnswer(string AccessToken, string TokenType, int ExpiresIn);

    private static System.Text.Json.JsonElement DecodePayload(string jwt)
    {
        var payload = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
        return System.Text.Json.JsonDocument.Parse(Convert.FromBase64String(payload)).RootElement;
    }
}

using System.Net;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.EndToEnd.Tests.Fixture;

namespace IdoPlatform.EndToEnd.Tests.Edge;

/// <summary>HEAD answers as GET does, headers and all, without the body (RFC 9110 §9.3.2): anonymously where GET is
/// public, with a token elsewhere, and 401 without one.</summary>
[Collection(PlatformCollection.Name)]
public sealed class HeadIsAGetWithoutBodyTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("offers/v1/locations?postcode=9711AB", null)]
    [InlineData("registrations/v1/openapi.json", null)]
    [InlineData("registrations/v1/visits?pageSize=5", Roles.Desk)]
    [InlineData("referrals/v1/referrals", Roles.Agency)]
    public async Task Head_gives_gets_status_and_headers_without_a_body(string path, string? role)
    {
        using var http = new HttpClient { BaseAddress = platform.Platform.GatewayUrl };
        var needsToken = role is not null;
        var token = role switch
        {
            Roles.Desk => platform.Tokens.Issue(new CurrentAccount("e2e-head", role, platform.Seeds.OrganisationA)),
            Roles.Agency => platform.Tokens.Issue(new CurrentAccount("e2e-head", role, AgencyCode: "uwv")),
            _ => null,
        };
        HttpRequestMessage Request(HttpMethod method)
        {
            var request = new HttpRequestMessage(method, path);
            if (token is not null) request.Headers.Authorization = new("Bearer", token);
            return request;
        }

        using var get = await http.SendAsync(Request(HttpMethod.Get));
        using var head = await http.SendAsync(Request(HttpMethod.Head));

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType?.MediaType, head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(get.Headers.GetValues("API-Version"), head.Headers.GetValues("API-Version"));
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        if (needsToken)
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path))).StatusCode);
    }
}

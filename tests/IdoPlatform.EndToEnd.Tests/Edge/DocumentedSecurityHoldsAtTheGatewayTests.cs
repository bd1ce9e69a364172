using System.Net;
using System.Text.RegularExpressions;
using IdoPlatform.EndToEnd.Tests.Fixture;

namespace IdoPlatform.EndToEnd.Tests.Edge;

/// <summary>The OpenAPI documents served at the gateway say which operations need a token, and "Try it" in <c>/docs</c>
/// believes them: each operation documented without a security requirement is let through without a token, each one
/// with it is a 401. Path parameters get a placeholder: what the service then answers (404, 400) does not matter, only
/// whether the gateway let the call through.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class DocumentedSecurityHoldsAtTheGatewayTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("registrations")]
    [InlineData("offers")]
    [InlineData("referrals")]
    [InlineData("monitoring")]
    public async Task Each_operation_needs_a_token_at_the_gateway_exactly_when_its_document_says_so(string service)
    {
        using var anonymous = platform.Gateway();
        var document = (await anonymous.GetAsync($"{service}/v1/openapi.json")).Expect(HttpStatusCode.OK).Json;
        var wrong = new List<string>();
        var checkedCount = 0;
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject().Where(o => o.Key is "get" or "post" or "put" or "delete" or "patch"))
            {
                var documentedToken = operation!["security"] is { } security && security.AsArray().Count > 0;
                var url = (document["servers"]?[0]?["url"]?.GetValue<string>() is { } server ? new Uri(server).AbsolutePath : "/")
                    .TrimEnd('/') + PathParameter().Replace(path, "1");
                var answer = await anonymous.SendAsync(new HttpMethod(method.ToUpperInvariant()), url.TrimStart('/'), null);
                checkedCount++;
                if ((answer.Status == HttpStatusCode.Unauthorized) != documentedToken)
                    wrong.Add($"{method.ToUpperInvariant()} {url}: documented {(documentedToken ? "with" : "without")} a token, gateway answered {answer.Code}");
            }
        }

        Assert.True(checkedCount > 3, $"only {checkedCount} operations in {service}'s document");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}

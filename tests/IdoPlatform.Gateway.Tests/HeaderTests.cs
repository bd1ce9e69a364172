using System.Net;
using System.Text;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

[Collection(GatewayWithFourServicesCollection.Name)]
public sealed class HeaderTests(GatewayWithFourServices fixture)
{
    [Theory]
    [InlineData("X-Foo", "é")]
    [InlineData("If-Match", "\"é\"")]
    [InlineData("Idempotency-Key", "é")]
    public async Task A_header_value_outside_ASCII_is_a_400_naming_the_header_and_never_reaches_a_service(string header, string value)
    {
        var path = $"/offers/v1/offers/non-ascii-{header}";
        // HttpClient refuses such a value itself (which is why the gateway's forward failed): send it as UTF-8.
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8 })
        {
            BaseAddress = fixture.Gateway.Address,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);
        var invalid = problem.GetProperty("invalidParams").EnumerateArray().Single();
        Assert.Equal(header, invalid.GetProperty("name").GetString(), ignoreCase: true);
        Assert.Equal(0, fixture.Backends["offers"].AttemptsAt(path));
    }
}

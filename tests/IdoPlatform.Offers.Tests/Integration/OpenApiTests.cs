using System.Text.Json;
using IdoPlatform.Testing.OpenApi;

namespace IdoPlatform.Offers.Tests.Integration;

[Collection(OffersCollection.Name)]
public class OpenApiTests(OffersApp app)
{
    [Fact]
    public async Task The_openapi_document_is_public_and_passes_the_nl_gov_ruleset()
    {
        var response = await app.Client().GetAsync("/offers/v1/openapi.json");
        var document = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, document);
        foreach (var path in new[] { "/offers", "/offers/{offerId}", "/offers/{offerId}/publication", "/offers/{offerId}/withdrawal",
                     "/locations", "/locations/{locationId}", "/locations/{locationId}/closing", "/offer-types", "/organisations", "/code-lists" })
            Assert.Contains($"\"{path}\"", document.Replace("/offers/v1", ""));
        foreach (var verb in new[] { "/publish\"", "/withdraw\"", "/close\"", ":guid}" })
            Assert.DoesNotContain(verb, document);
        await SpectralLint.AssertNoErrorsAsync(document);
    }

    [Theory]
    [InlineData("/offers/{offerId}/publication", "post")]
    [InlineData("/offers/{offerId}", "put")]
    [InlineData("/locations/{locationId}/closing", "post")]
    public async Task A_change_documents_its_required_if_match_with_412_and_428(string path, string method)
    {
        using var document = JsonDocument.Parse(await app.Client().GetStringAsync("/offers/v1/openapi.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method);
        var ifMatch = operation.GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "If-Match");
        Assert.Equal("header", ifMatch.GetProperty("in").GetString());
        Assert.True(ifMatch.GetProperty("required").GetBoolean());
        var responses = operation.GetProperty("responses");
        Assert.True(responses.TryGetProperty("412", out _));
        Assert.True(responses.TryGetProperty("428", out _));
    }

    [Fact]
    public async Task A_read_documents_no_if_match()
    {
        using var document = JsonDocument.Parse(await app.Client().GetStringAsync("/offers/v1/openapi.json"));
        var operation = document.RootElement.GetProperty("paths").GetProperty("/offers/{offerId}").GetProperty("get");
        Assert.DoesNotContain(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "If-Match");
        Assert.False(operation.GetProperty("responses").TryGetProperty("428", out _));
    }
}

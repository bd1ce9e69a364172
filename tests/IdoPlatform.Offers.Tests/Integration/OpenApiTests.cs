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
}

using IdoPlatform.Testing.OpenApi;

namespace IdoPlatform.Registrations.Tests.Integration;

[Collection(RegistrationsCollection.Name)]
public sealed class OpenApiTests(RegistrationsApp app)
{
    [Fact]
    public async Task The_openapi_document_is_public_and_passes_the_nl_gov_ruleset()
    {
        var response = await app.Client().GetAsync("/registrations/v1/openapi.json");
        var document = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, document);
        foreach (var path in new[] { "/visits", "/visits/{id}", "/visits/{id}/voiding", "/visits/{id}/history", "/code-lists" })
            Assert.Contains($"\"{path}\"", document.Replace("/registrations/v1", ""));
        Assert.Contains("\"RegisterVisitRequest\"", document);
        await SpectralLint.AssertNoErrorsAsync(document);
    }
}

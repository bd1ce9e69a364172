using IdoPlatform.Testing.OpenApi;

namespace IdoPlatform.Monitoring.Tests.Integration;

public class OpenApiTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    [Fact]
    public async Task The_openapi_document_passes_the_NL_GOV_linter()
    {
        var response = await app.Client().GetAsync("/monitoring/v1/openapi.json");
        response.EnsureSuccessStatusCode();
        var document = await response.Content.ReadAsStringAsync();
        Assert.Contains("/question-counts", document);
        await SpectralLint.AssertNoErrorsAsync(document);
    }
}

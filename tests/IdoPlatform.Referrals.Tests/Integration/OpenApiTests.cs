using IdoPlatform.Testing.OpenApi;

namespace IdoPlatform.Referrals.Tests.Integration;

[Collection(ReferralsCollection.Name)]
public class OpenApiTests(ReferralsApp app)
{
    [Fact]
    public async Task The_openapi_document_is_public_and_passes_the_nl_gov_ruleset()
    {
        var response = await app.Client().GetAsync("/referrals/v1/openapi.json");
        var document = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, document);
        foreach (var path in new[] { "/referral-locations", "/referrals", "/referrals/{code}", "/referrals/{code}/cancellation",
                     "/referral-profiles/{agency}", "/referral-profiles/{agency}/history", "/agencies" })
            Assert.Contains($"\"{path}\"", document.Replace("/referrals/v1", ""));
        // The response records' XML docs describe their fields, e.g. when a referred location closed.
        Assert.Contains("The day the location closed", document);
        await SpectralLint.AssertNoErrorsAsync(document);
    }
}

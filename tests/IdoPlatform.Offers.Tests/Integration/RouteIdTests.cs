using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>Ids in routes are strings the handler reads: a bad one is a problem naming it (400) or a 404 problem, never
/// a bare 404 from a route constraint; the old verb paths of the state changes are gone.</summary>
[Collection(OffersCollection.Name)]
public class RouteIdTests(OffersApp app)
{
    private async Task<(HttpStatusCode Status, string? MediaType, JsonNode? Body)> Send(HttpMethod method, string path, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method != HttpMethod.Get) request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        using var response = await app.Client(OffersApp.PlatformAdmin()).SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    [Theory]
    [InlineData("GET", "/offers/v1/offers/not-a-guid", "offerId")]
    [InlineData("GET", "/offers/v1/offers/not-a-guid/history", "offerId")]
    [InlineData("PUT", "/offers/v1/offers/not-a-guid", "offerId")]
    [InlineData("POST", "/offers/v1/offers/not-a-guid/publication", "offerId")]
    [InlineData("POST", "/offers/v1/offers/not-a-guid/withdrawal", "offerId")]
    [InlineData("GET", "/offers/v1/organisations/not-a-guid", "organisationId")]
    [InlineData("PUT", "/offers/v1/organisations/not-a-guid", "organisationId")]
    [InlineData("GET", "/offers/v1/organisations/not-a-guid/offers", "organisationId")]
    [InlineData("GET", "/offers/v1/offer-types/digicafe/versions/one", "version")]
    public async Task A_malformed_id_is_a_problem_naming_the_parameter(string method, string path, string parameter)
    {
        var (status, mediaType, body) = await Send(new HttpMethod(method), path, ifMatch: "\"1\"");
        Assert.True(status == HttpStatusCode.BadRequest, $"{(int)status}: {body?.ToJsonString()}");
        Assert.Equal("application/problem+json", mediaType);
        Assert.Contains(parameter, body!.InvalidNames());
    }

    [Theory]
    [InlineData("GET", "/offers/v1/locations/not-a-location-id")]
    [InlineData("GET", "/offers/v1/locations/not-a-location-id/history")]
    [InlineData("PUT", "/offers/v1/locations/not-a-location-id")]
    [InlineData("POST", "/offers/v1/locations/not-a-location-id/closing")]
    [InlineData("GET", "/offers/v1/offer-types/no-such-type")]
    public async Task An_id_of_the_wrong_shape_is_a_not_found_problem(string method, string path)
    {
        var (status, mediaType, body) = await Send(new HttpMethod(method), path, ifMatch: "\"1\"");
        Assert.True(status == HttpStatusCode.NotFound, $"{(int)status}: {body?.ToJsonString()}");
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(404, body!["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/offers/v1/offers/3f0e8c1a-5d43-4c5e-9a57-0d1f6c1b2a11/publish")]
    [InlineData("/offers/v1/offers/3f0e8c1a-5d43-4c5e-9a57-0d1f6c1b2a11/withdraw")]
    [InlineData("/offers/v1/locations/NL-100001-0001/close")]
    public async Task The_old_verb_paths_are_gone(string path)
    {
        var (status, _, _) = await Send(HttpMethod.Post, path, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task An_all_zero_id_is_not_found_for_every_write_like_any_unknown_id()
    {
        var library = await Library.Register(app);
        var location = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var admin = app.Client(OffersApp.PlatformAdmin());
        var zero = Guid.Empty;
        (await admin.Put($"/offers/v1/offers/{zero}", Library.OfferAt(location), "\"1\"")).Expect(HttpStatusCode.NotFound);
        (await admin.Post($"/offers/v1/offers/{zero}/publication", ifMatch: "\"1\"")).Expect(HttpStatusCode.NotFound);
        (await admin.Post($"/offers/v1/offers/{zero}/withdrawal", ifMatch: "\"1\"")).Expect(HttpStatusCode.NotFound);
        (await admin.Put($"/offers/v1/organisations/{zero}", new OrganisationRequest("Bieb", "bibliotheek"), "\"1\""))
            .Expect(HttpStatusCode.NotFound);
    }
}

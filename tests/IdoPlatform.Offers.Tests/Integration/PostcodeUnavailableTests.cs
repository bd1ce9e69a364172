using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>The service without its PC4 file: postcode search is a clear 400, coordinates keep working.</summary>
public sealed class WithoutPostcodeFile : OffersApp
{
    protected override string Prefix => "offers-nopc4";

    protected override IEnumerable<(string Key, string Value)> Settings =>
        [("Postcodes:Pc4File", Path.Combine(Path.GetTempPath(), $"no-such-pc4-{Guid.NewGuid():N}.json"))];
}

public class PostcodeUnavailableTests(WithoutPostcodeFile app) : IClassFixture<WithoutPostcodeFile>
{
    [Fact]
    public async Task Postcode_search_says_it_is_unavailable_and_lat_lon_still_works()
    {
        var response = await app.Client().GetAsync("/offers/v1/offers?postcode=2311EZ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonNode>())!;
        Assert.Contains("postcode search unavailable", problem["detail"]!.GetValue<string>());
        Assert.Equal(["postcode"], problem.InvalidNames());

        (await app.Client().Get("/offers/v1/offers?lat=52.156&lon=4.49&radius=10000")).Expect(HttpStatusCode.OK);
        (await app.Client().Get("/offers/v1/locations?lat=52.156&lon=4.49")).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_location_then_needs_its_coordinates()
    {
        var library = await Library.Register(app);
        var withoutCoordinates = Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland");
        var problem = (await library.Admin.Post("/offers/v1/locations", withoutCoordinates)).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["coordinates"], problem.InvalidNames());
        (await library.Admin.Post("/offers/v1/locations", withoutCoordinates with { Coordinates = new(52.156, 4.49) })).Expect(HttpStatusCode.Created);
    }
}

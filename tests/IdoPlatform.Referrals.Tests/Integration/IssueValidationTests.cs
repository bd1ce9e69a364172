using System.Net;
using System.Text;
using IdoPlatform.Contracts.Offers;

namespace IdoPlatform.Referrals.Tests.Integration;

[Collection(ReferralsCollection.Name)]
public class IssueValidationTests(ReferralsApp app)
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task Every_bad_field_is_named_and_nothing_is_stored()
    {
        var client = app.Client(ReferralsApp.Agency("huurcommissie"));
        var response = await client.PostJson("/referrals/v1/referrals",
            new { agency = "nasa", topic = "ruimtevaart", locationId = "NL-999999-9999", method = "telepathy" });
        Assert.Equal(["agency", "topic", "locationId", "method"], await response.InvalidParams());

        var missing = await client.PostJson("/referrals/v1/referrals", new { });
        Assert.Equal(["agency", "topic", "locationId", "method"], await missing.InvalidParams());

        var list = await (await client.GetAsync("/referrals/v1/referrals")).Read<BuildingBlocks.Web.Paged<Features.Referrals.ReferralResponse>>();
        Assert.Empty(list.Items);
    }

    [Fact]
    public async Task A_closed_location_is_refused()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        await app.Publish(new LocationClosed(location, Organisation, DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(-1)),
            DateTimeOffset.UtcNow));
        var client = app.Client(ReferralsApp.Agency("huurcommissie"));
        var body = new { agency = "huurcommissie", topic = "huur", locationId = location, method = "named-place" };
        await Eventually.Get(async () =>
            {
                var response = await client.PostJson("/referrals/v1/referrals", body);
                return response.StatusCode == HttpStatusCode.BadRequest ? await response.InvalidParams() : null;
            }, names => names.SequenceEqual(["locationId"]), "the closed location is refused");
    }

    [Fact]
    public async Task Malformed_json_and_unknown_fields_are_400_not_500()
    {
        var client = app.Client(ReferralsApp.Agency("huurcommissie"));
        var malformed = await client.PostAsync("/referrals/v1/referrals", new StringContent("{\"agency\":", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var unknown = await client.PostJson("/referrals/v1/referrals", new { agency = "huurcommissie", citizenName = "Jan" });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/referrals/v1/referrals/not-a-code")).StatusCode);
    }
}

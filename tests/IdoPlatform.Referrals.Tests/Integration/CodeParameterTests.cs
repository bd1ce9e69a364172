using System.Net;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>The code in a referral's path is parsed by the handler (no route constraint): a malformed one is a 400
/// naming it, a well-formed unknown one a 404 problem; so is an unreadable If-Match on a cancellation.</summary>
[Collection(ReferralsCollection.Name)]
public class CodeParameterTests(ReferralsApp app)
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Theory]
    [InlineData("GET", "/referrals/v1/referrals/not-a-code")]
    [InlineData("POST", "/referrals/v1/referrals/K7QF-2M9D0/cancellation")]
    [InlineData("GET", "/referrals/v1/referrals/O0I1-LLLL")]
    public async Task A_malformed_code_is_a_400_naming_it(string method, string path)
    {
        var response = await app.Client(ReferralsApp.Agency("rdw")).SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(["code"], await response.InvalidParams());
    }

    [Fact]
    public async Task A_well_formed_unknown_code_is_a_404_problem()
    {
        var response = await app.Client(ReferralsApp.Agency("rdw")).GetAsync("/referrals/v1/referrals/K7QF-2M9D");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unreadable_If_Match_on_a_cancellation_is_a_400_naming_it_and_nothing_changes()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "rdw", location, topic: "voertuig");
        var agency = app.Client(ReferralsApp.Agency("rdw"));

        var request = new HttpRequestMessage(HttpMethod.Post, $"/referrals/v1/referrals/{issued.Code}/cancellation");
        request.Headers.TryAddWithoutValidation("If-Match", "versie een");
        Assert.Equal(["If-Match"], await (await agency.SendAsync(request)).InvalidParams());

        var detail = await (await agency.GetAsync($"/referrals/v1/referrals/{issued.Code}")).Read<Features.Referrals.ReferralDetailResponse>();
        Assert.Equal("issued", detail.Referral.Status);
    }
}

using System.Net;
using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>Who may do what: an agency only its own referrals and profile, desks read profiles and look up
/// codes at their own organisation's locations, nobody else anything.</summary>
[Collection(ReferralsCollection.Name)]
public class AuthorizationTests(ReferralsApp app)
{
    private static readonly Guid Organisation = Guid.NewGuid();

    public enum Who { Anonymous, OwnAgency, OtherAgency, OwnDesk, OtherDesk, Monitor, PlatformAdmin, LibraryAdmin }

    private CurrentAccount? Account(Who who) => who switch
    {
        Who.OwnAgency => ReferralsApp.Agency("rdw"),
        Who.OtherAgency => ReferralsApp.Agency("uwv"),
        Who.OwnDesk => ReferralsApp.Desk(Organisation),
        Who.OtherDesk => ReferralsApp.Desk(Guid.NewGuid()),
        Who.Monitor => ReferralsApp.Monitor(),
        Who.PlatformAdmin => new CurrentAccount("admin", Roles.PlatformAdmin),
        Who.LibraryAdmin => new CurrentAccount("library-admin", Roles.LibraryAdmin, Organisation),
        _ => null,
    };

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Who.OwnAgency, HttpStatusCode.Created)]
    [InlineData(Who.OtherAgency, HttpStatusCode.Forbidden)]
    [InlineData(Who.OwnDesk, HttpStatusCode.Forbidden)]
    [InlineData(Who.Monitor, HttpStatusCode.Forbidden)]
    [InlineData(Who.PlatformAdmin, HttpStatusCode.Forbidden)]
    [InlineData(Who.LibraryAdmin, HttpStatusCode.Forbidden)]
    public async Task Issuing_for_rdw(Who who, HttpStatusCode expected)
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var response = await app.Client(Account(who)).PostJson("/referrals/v1/referrals",
            new { agency = "rdw", topic = "voertuig", locationId = location, method = "named-place" });
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Who.OwnAgency, HttpStatusCode.OK)]
    [InlineData(Who.OtherAgency, HttpStatusCode.NotFound)]
    [InlineData(Who.OwnDesk, HttpStatusCode.OK)]
    [InlineData(Who.OtherDesk, HttpStatusCode.NotFound)]
    [InlineData(Who.Monitor, HttpStatusCode.Forbidden)]
    [InlineData(Who.PlatformAdmin, HttpStatusCode.Forbidden)]
    public async Task Looking_up_an_rdw_referral_by_code(Who who, HttpStatusCode expected)
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "rdw", location, topic: "voertuig");
        var response = await app.Client(Account(who)).GetAsync($"/referrals/v1/referrals/{issued.Code}");
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.OwnAgency, HttpStatusCode.OK)]
    [InlineData(Who.OtherAgency, HttpStatusCode.NotFound)]
    [InlineData(Who.OwnDesk, HttpStatusCode.Forbidden)]
    [InlineData(Who.Monitor, HttpStatusCode.Forbidden)]
    public async Task Cancelling_an_rdw_referral(Who who, HttpStatusCode expected)
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "rdw", location, topic: "voertuig");
        var response = await app.Client(Account(who)).PostAsync($"/referrals/v1/referrals/{issued.Code}/cancellation", null);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, "", HttpStatusCode.Unauthorized)]
    [InlineData(Who.OwnAgency, "", HttpStatusCode.OK)]
    [InlineData(Who.OwnAgency, "?agency=rdw", HttpStatusCode.OK)]
    [InlineData(Who.OtherAgency, "?agency=rdw", HttpStatusCode.Forbidden)]
    [InlineData(Who.OwnDesk, "?agency=rdw", HttpStatusCode.Forbidden)]
    [InlineData(Who.Monitor, "", HttpStatusCode.Forbidden)]
    public async Task Listing_rdw_referrals(Who who, string query, HttpStatusCode expected)
    {
        var response = await app.Client(Account(who)).GetAsync($"/referrals/v1/referrals{query}");
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Who.OwnAgency, HttpStatusCode.OK)]
    [InlineData(Who.OtherAgency, HttpStatusCode.Forbidden)]
    [InlineData(Who.OwnDesk, HttpStatusCode.OK)]
    [InlineData(Who.OtherDesk, HttpStatusCode.OK)]
    [InlineData(Who.Monitor, HttpStatusCode.Forbidden)]
    [InlineData(Who.PlatformAdmin, HttpStatusCode.Forbidden)]
    public async Task Reading_the_rdw_profile_and_its_history(Who who, HttpStatusCode expected)
    {
        var client = app.Client(Account(who));
        Assert.Equal(expected, (await client.GetAsync("/referrals/v1/referral-profiles/rdw")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/referrals/v1/referral-profiles/rdw/history")).StatusCode);
    }

    [Theory]
    [InlineData(Who.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Who.OtherAgency, HttpStatusCode.Forbidden)]
    [InlineData(Who.OwnDesk, HttpStatusCode.Forbidden)]
    [InlineData(Who.Monitor, HttpStatusCode.Forbidden)]
    [InlineData(Who.PlatformAdmin, HttpStatusCode.Forbidden)]
    public async Task Only_rdw_may_change_the_rdw_profile(Who who, HttpStatusCode expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/referrals/v1/referral-profiles/rdw")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { topics = Array.Empty<object>() }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        Assert.Equal(expected, (await app.Client(Account(who)).SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task An_agency_lists_only_its_own_profile_and_a_desk_sees_all()
    {
        var own = await (await app.Client(ReferralsApp.Agency("toeslagen")).GetAsync("/referrals/v1/referral-profiles"))
            .Read<List<Features.ReferralProfiles.ReferralProfileResponse>>();
        Assert.Equal(["toeslagen"], own.Select(p => p.Agency));

        var desk = await (await app.Client(ReferralsApp.Desk(Organisation)).GetAsync("/referrals/v1/referral-profiles"))
            .Read<List<Features.ReferralProfiles.ReferralProfileResponse>>();
        Assert.Superset(new HashSet<string> { "toeslagen", "belastingdienst", "logius", "duo" }, desk.Select(p => p.Agency).ToHashSet());
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var otherKey = new AuthOptions { Issuer = app.Auth.Issuer, Audience = app.Auth.Audience, SigningKey = TokenIssuer.NewSigningKey() };
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer",
            TokenIssuer.Issue(otherKey, ReferralsApp.Agency("rdw"), TimeSpan.FromHours(1), DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/referrals/v1/referrals")).StatusCode);
    }
}

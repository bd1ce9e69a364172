using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.GetReferralProfile;

public static class GetReferralProfileEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/referral-profiles/{agency}", Handle)
        .RequireRoles(Roles.Desk, Roles.Agency)
        .WithTags(ReferralsApi.ProfilesTag)
        .WithName("getReferralProfile")
        .WithSummary("Het verwijsprofiel van één NPD-organisatie (versie 0: nog niet gepubliceerd)")
        .Produces<ReferralProfileResponse>();

    private static async Task<IResult> Handle(string agency, HttpContext http, CurrentAccount account,
        ReferralProfileQueries profiles, AgencyCatalogue agencies)
    {
        if (ReferralProfileAccess.Check(account, agency, agencies, revise: false) is { } denied) return denied;
        var profile = await profiles.Of(agency, http.RequestAborted);
        return WrittenAnswer.Ok(http, profile.ToResponse(agencies), profile.Version);
    }
}

using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.ListReferralProfiles;

public static class ListReferralProfilesEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/referral-profiles", Handle)
        .RequireRoles(Roles.Desk, Roles.Agency)
        .WithTags(ReferralsApi.ProfilesTag)
        .WithName("listReferralProfiles")
        .WithSummary("Alle gepubliceerde verwijsprofielen (een NPD-organisatie ziet alleen het eigen profiel)")
        .Produces<List<ReferralProfileResponse>>();

    private static async Task<IResult> Handle(HttpContext http, CurrentAccount account, ReferralProfileQueries profiles,
        AgencyCatalogue agencies)
    {
        var all = await profiles.All(http.RequestAborted);
        return TypedResults.Ok(all.Where(p => account.MayRead(p.Agency)).Select(p => p.ToResponse(agencies)).ToList());
    }
}

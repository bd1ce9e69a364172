using IdoPlatform.Referrals.Features.CancelReferral;
using IdoPlatform.Referrals.Features.GetReferralProfile;
using IdoPlatform.Referrals.Features.IssueReferral;
using IdoPlatform.Referrals.Features.ListAgencies;
using IdoPlatform.Referrals.Features.ListReferralProfiles;
using IdoPlatform.Referrals.Features.ListReferrals;
using IdoPlatform.Referrals.Features.LookUpReferral;
using IdoPlatform.Referrals.Features.NearestLocations;
using IdoPlatform.Referrals.Features.ReferralProfileHistory;
using IdoPlatform.Referrals.Features.ReviseReferralProfile;

namespace IdoPlatform.Referrals;

public static class ReferralsApi
{
    public const string BasePath = "/referrals/v1";
    public const string ReferralsTag = "Verwijzingen";
    public const string ProfilesTag = "Verwijsprofielen";

    public static RouteGroupBuilder MapReferralsApi(this RouteGroupBuilder api)
    {
        ListAgenciesEndpoint.Map(api);
        ListReferralProfilesEndpoint.Map(api);
        GetReferralProfileEndpoint.Map(api);
        ReviseReferralProfileEndpoint.Map(api);
        ReferralProfileHistoryEndpoint.Map(api);
        NearestLocationsEndpoint.Map(api);
        IssueReferralEndpoint.Map(api);
        ListReferralsEndpoint.Map(api);
        LookUpReferralEndpoint.Map(api);
        CancelReferralEndpoint.Map(api);
        return api;
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.ReferralProfiles;

namespace IdoPlatform.Referrals.Features.ReviseReferralProfile;

public static class ReviseReferralProfileEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPut("/referral-profiles/{agency}", Handle)
        .RequireRoles(Roles.Agency)
        .WithTags(ReferralsApi.ProfilesTag)
        .WithName("reviseReferralProfile")
        .WithSummary("Het eigen verwijsprofiel vervangen (If-Match met de ETag verplicht)")
        .Produces<ReferralProfileResponse>()
        .WithIfMatch();

    private static async Task<IResult> Handle(string agency, ReviseReferralProfileRequest request, HttpContext http,
        CurrentAccount account, EventStreams streams, AgencyCatalogue agencies, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        if (ReferralProfileAccess.Check(account, agency, agencies, revise: true) is { } denied) return denied;
        var (topics, errors) = ReferralProfileValidation.Validate(request);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var precondition)) return precondition;

        // A profile never published starts empty, at version 0 (what GET shows and If-Match names).
        var written = await streams.Change<ReferralProfile>(ReferralProfile.StreamId(agency),
            state => Decision.Accept(ReviseReferralProfile.Decide(state, topics, clock.GetUtcNow())),
            RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches, initial: ReferralProfile.Empty(agency));
        return written.Answer(http, () => Problems.NotFound($"Onbekende NPD-organisatie '{agency}'."),
            (profile, version) => profile.ToResponse(version, agencies));
    }
}

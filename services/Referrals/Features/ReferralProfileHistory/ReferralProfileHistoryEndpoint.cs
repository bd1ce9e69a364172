using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.ReferralProfiles;

namespace IdoPlatform.Referrals.Features.ReferralProfileHistory;

public static class ReferralProfileHistoryEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/referral-profiles/{agency}/history", Handle)
        .RequireRoles(Roles.Desk, Roles.Agency)
        .WithTags(ReferralsApi.ProfilesTag)
        .WithName("getReferralProfileHistory")
        .WithSummary("Alle versies van een verwijsprofiel, oudste eerst")
        .Produces<List<ReferralProfileRevisionResponse>>();

    private static async Task<IResult> Handle(string agency, HttpContext http, CurrentAccount account, EventStreams streams,
        AgencyCatalogue agencies)
    {
        if (ReferralProfileAccess.Check(account, agency, agencies, revise: false) is { } denied) return denied;
        var events = await streams.History(ReferralProfile.StreamId(agency), http.RequestAborted);
        var revisions = events
            .Where(e => e.Data is ReferralProfileRevised)
            .Select(e => (e.StreamVersion, Revised: (ReferralProfileRevised)e.Data))
            .Select(x => new ReferralProfileRevisionResponse(x.StreamVersion, x.Revised.RevisedAt, x.Revised.Topics.ToResponse()))
            .ToList();
        return TypedResults.Ok(revisions);
    }
}

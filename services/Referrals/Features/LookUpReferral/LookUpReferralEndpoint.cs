using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Replica;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.LookUpReferral;

public static class LookUpReferralEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/referrals/{code}", Handle)
        .RequireRoles(Roles.Agency, Roles.Desk)
        .WithTags(ReferralsApi.ReferralsTag)
        .WithName("getReferral")
        .WithSummary("Een verwijzing opzoeken op code, met haar geschiedenis")
        .WithDescription("Voor de uitgevende NPD-organisatie en voor IDO-medewerkers van de organisatie " +
            "waarnaar verwezen is. Hoofd- en kleine letters, spaties en het streepje in de code maken niet uit.")
        .Produces<ReferralDetailResponse>();

    private static async Task<IResult> Handle(string code, HttpContext http, CurrentAccount account, ReferralQueries queries,
        EventStreams streams, ReplicaQueries replica)
    {
        var ct = http.RequestAborted;
        var (summary, problem) = await ReferralAccess.Find(code, account, queries, desksToo: true, ct);
        if (problem is not null) return problem;

        // Up to the summary's version: an event appended between the two reads would show in the history only.
        var events = await streams.History(summary!.Id, ct, upTo: summary.Version);
        var history = events.Select(e => ReferralHistory.Describe(e.StreamVersion, e.Data))
            .OfType<ReferralHistoryEntryResponse>().ToList();
        var location = await replica.FindLocation(summary.LocationId, ct);
        return WrittenAnswer.Ok(http, new ReferralDetailResponse(ReferralResponse.From(summary, location), history), summary.Version);
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Replica;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.CancelReferral;

public static class CancelReferralEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/referrals/{code}/cancellation", Handle)
        .RequireRoles(Roles.Agency)
        .WithTags(ReferralsApi.ReferralsTag)
        .WithName("cancelReferral")
        .WithSummary("Een uitgegeven verwijzing intrekken (alleen de uitgevende NPD-organisatie)")
        .WithDescription("Nogmaals intrekken verandert niets; een aangekomen of verlopen verwijzing geeft 409. " +
            "If-Match is optioneel; met een verouderde ETag volgt 412.")
        .Produces<ReferralResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch(required: false);

    private static async Task<IResult> Handle(string code, HttpContext http, CurrentAccount account, ReferralQueries queries,
        EventStreams streams, ReplicaQueries replica, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var (summary, problem) = await ReferralAccess.Find(code, account, queries, desksToo: false, ct);
        if (problem is not null) return problem;
        // Optional (cancelling is a one-way step), but a stale one is refused.
        if (!IfMatch.TryReadOptional(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;

        // Cancelling is idempotent, so without If-Match a race with an arrival or the sweep is decided again.
        var written = await streams.Change<Referral>(summary!.Id, state => CancelReferral.Decide(state, clock.GetUtcNow()),
            RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch is null ? null : ifMatch.Matches, attempts: 5);
        if (written is { Status: WriteStatus.Appended, State.Status: not ReferralStatus.Cancelled })
            return Problems.Conflict(CancelReferral.AlreadyEnded(written.State.Status)); // its time was up: expired just now
        var location = await replica.FindLocation(summary.LocationId, ct);
        return written.Answer(http, ReferralAccess.NotFound, (referral, _) => ReferralResponse.From(referral, location));
    }
}

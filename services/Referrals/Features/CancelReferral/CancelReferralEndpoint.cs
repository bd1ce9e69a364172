using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.LookUpReferral;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Hosting;

namespace IdoPlatform.Referrals.Features.CancelReferral;

public static class CancelReferralEndpoint
{
    public static void MapCancelReferral(this RouteGroupBuilder referrals) =>
        referrals.MapPost("/{code}/cancellation", async Task<IResult> (string code, HttpContext http, ReferralQueries queries,
                EventStreams streams, TimeProvider clock, CancellationToken ct) =>
            {
                var (summary, problem) = await LookUpReferralEndpoint.Find(code, http, queries, ct, allowDesk: false);
                if (problem is not null) return problem;

                // If-Match is optional here (cancelling is a one-way step), but a stale one is refused.
                IfMatch? ifMatch = null;
                if (http.Request.Headers.IfMatch.Count > 0 && (ifMatch = IfMatch.Parse(http.Request.Headers.IfMatch.ToString())) is null)
                    return Problems.InvalidParam("If-Match", InvalidParamCodes.Invalid, "Verwacht de ETag, bijvoorbeeld \"1\".");

                // Cancelling is idempotent, so without If-Match a race with an arrival or the sweep is decided again.
                var context = new AppendContext(Caller.From(http.User).Subject, http.TraceIdentifier);
                var written = await streams.Change<Referral>(summary!.Id, state => CancelReferral.Decide(state, clock.GetUtcNow()),
                    context, ct, acceptsVersion: ifMatch is null ? null : ifMatch.Matches, attempts: 5);
                switch (written.Status)
                {
                    case WriteStatus.NotFound: return Problems.NotFound("Geen verwijzing met deze code die u mag zien.");
                    case WriteStatus.Stale: return Problems.PreconditionFailed();
                    case WriteStatus.Rejected: return Problems.Conflict(written.Rejection!);
                    case WriteStatus.Appended when written.State!.Status != ReferralStatus.Cancelled:
                        return Problems.Conflict(CancelReferral.AlreadyEnded(written.State.Status)); // expired just now
                }

                var after = (await queries.ById(summary.Id, ct))!;
                ETags.Set(http.Response, after.Version);
                return Results.Ok(ReferralResponse.From(after));
            })
            .WithName("cancelReferral")
            .WithSummary("Een uitgegeven verwijzing intrekken (alleen de uitgevende NPD-organisatie)")
            .WithDescription("Nogmaals intrekken verandert niets; een aangekomen of verlopen verwijzing geeft 409.")
            .Produces<ReferralResponse>()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
}

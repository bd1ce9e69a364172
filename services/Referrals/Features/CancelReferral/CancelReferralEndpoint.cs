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
                IEventStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var (summary, problem) = await LookUpReferralEndpoint.Find(code, http, queries, ct, allowDesk: false);
                if (problem is not null) return problem;

                // If-Match is optional here (cancelling is a one-way step), but a stale one is refused.
                IfMatch? ifMatch = null;
                if (http.Request.Headers.IfMatch.Count > 0 && (ifMatch = IfMatch.Parse(http.Request.Headers.IfMatch.ToString())) is null)
                    return Problems.InvalidParam("If-Match", InvalidParamCodes.Invalid, "Verwacht de ETag, bijvoorbeeld \"1\".");
                if (ifMatch is not null && !ifMatch.Matches(summary!.Version)) return Problems.PreconditionFailed();

                CancelOutcome? outcome = null;
                var context = new AppendContext(Caller.From(http.User).Subject, http.TraceIdentifier);
                await ReferralStreams.Change(store, summary!.Id, state =>
                {
                    outcome = CancelReferral.Decide(state, clock.GetUtcNow());
                    return outcome.Events;
                }, context, ct);

                var after = (await queries.ById(summary.Id, ct))!;
                if (outcome is CancelOutcome.AlreadyEnded ended)
                    return Problems.Conflict($"De verwijzing is al afgesloten (status '{ended.Status}') en kan niet meer worden ingetrokken.");
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

using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Hosting;
using IdoPlatform.Referrals.Replica;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IdoPlatform.Referrals.Features.IssueReferral;

public static class IssueReferralEndpoint
{
    private const int CodeAttempts = 5;

    public static void MapIssueReferral(this RouteGroupBuilder referrals) =>
        referrals.MapPost("", async Task<IResult> (IssueReferralRequest request, HttpContext http, EventStreams streams,
                AgencyCatalogue agencies, ReplicaQueries replica, ReferralQueries queries, TimeProvider clock,
                IOptions<ReferralsOptions> options, CancellationToken ct) =>
            {
                var caller = Caller.From(http.User);
                if (!caller.IsAgencyAccount) return Problems.Forbidden("Alleen accounts van NPD-organisaties geven verwijzingen uit.");

                var today = DutchCalendar.Today(clock);
                var location = string.IsNullOrWhiteSpace(request.LocationId)
                    ? null
                    : await replica.FindReferralLocation(request.LocationId, ct);
                var errors = IssueReferral.Validate(request, agencies, location, today);
                if (errors.Count > 0) return Problems.Validation(errors);
                if (!caller.ActsFor(request.Agency!))
                    return Problems.Forbidden($"Dit account geeft alleen verwijzingen uit namens '{caller.Agency}'.");

                var context = new AppendContext(caller.Subject, http.TraceIdentifier);
                for (var attempt = 1; ; attempt++)
                {
                    var issued = IssueReferral.Decide(Guid.NewGuid(), ReferralCode.New(), request, location!,
                        clock.GetUtcNow(), options.Value.ValidDays);
                    try
                    {
                        await streams.Start<Referral>(issued.Referral.ReferralId, [issued], context, ct);
                    }
                    catch (PostgresException e) when (e.ConstraintName == ReferralReadProjection.CodeConstraint && attempt < CodeAttempts)
                    {
                        continue; // the code was taken (about once in 10^11): draw another
                    }
                    var summary = (await queries.ById(issued.Referral.ReferralId, ct))!;
                    ETags.Set(http.Response, summary.Version);
                    return Results.Created($"{http.Request.PathBase}{http.Request.Path}/{summary.Code}", ReferralResponse.From(summary));
                }
            })
            .WithName("issueReferral")
            .WithSummary("Een verwijzing uitgeven: de burger krijgt een korte code mee naar het IDO")
            .WithDescription("Alleen voor accounts van de NPD-organisatie in 'agency'. Er wordt geen gegeven over de burger opgeslagen.")
            .Produces<ReferralResponse>(StatusCodes.Status201Created)
            .WithIdempotency();
}

using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Replica;
using IdoPlatform.Referrals.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IdoPlatform.Referrals.Features.IssueReferral;

public static class IssueReferralEndpoint
{
    private const int CodeAttempts = 5;

    /// <summary>Name space of the referral ids derived from an Idempotency-Key.</summary>
    private static readonly Guid IdempotentIds = Guid.Parse("0b6c2d8e-5f41-4c1a-8e7d-3a9f2b6c4d51");

    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/referrals", Handle)
        .RequireRoles(Roles.Agency)
        .WithTags(ReferralsApi.ReferralsTag)
        .WithName("issueReferral")
        .WithSummary("Een verwijzing uitgeven: de burger krijgt een korte code mee naar het IDO")
        .WithDescription("Alleen voor accounts van de NPD-organisatie in 'agency'. Er wordt geen gegeven over de burger opgeslagen.")
        .Produces<ReferralResponse>(StatusCodes.Status201Created)
        .WithIdempotency();

    private static async Task<IResult> Handle(IssueReferralRequest request, HttpContext http, CurrentAccount account,
        EventStreams streams, AgencyCatalogue agencies, ReplicaQueries replica, ReferralQueries queries, TimeProvider clock,
        IOptions<ReferralsOptions> options)
    {
        var ct = http.RequestAborted;
        var today = DutchCalendar.Today(clock);
        var location = string.IsNullOrWhiteSpace(request.LocationId)
            ? null
            : await replica.FindReferralLocation(request.LocationId, ct);
        var errors = IssueReferral.Validate(request, agencies, location, today);
        if (errors.Count > 0) return Problems.Validation(errors);
        if (!account.ActsFor(request.Agency!))
            return Problems.Forbidden($"Dit account geeft alleen verwijzingen uit namens '{account.AgencyCode}'.");

        var context = RequestAppendContext.For(http, account);
        // With an Idempotency-Key the id comes from the account and the key: a retry whose first answer was
        // never stored (the instance died right after the append) finds the referral instead of issuing a second.
        var key = http.Request.Headers[ApiHeaders.IdempotencyKey].ToString();
        var referralId = key.Length == 0 ? Guid.NewGuid() : DeterministicGuid.Create(IdempotentIds, $"{account.AccountId}/{key}");
        for (var attempt = 1; ; attempt++)
        {
            var issued = IssueReferral.Decide(referralId, ReferralCode.New(), request, location!,
                clock.GetUtcNow(), options.Value.ValidDays);
            try
            {
                await streams.Start<Referral>(referralId, [issued], context, ct);
            }
            catch (PostgresException e) when (e.ConstraintName == ReferralReadProjection.CodeConstraint && attempt < CodeAttempts)
            {
                continue; // the code was taken (about once in 10^11): draw another
            }
            catch (ConcurrencyException) when (key.Length > 0)
            {
                // Issued by the first attempt with this key: answer as the first time.
            }
            var summary = (await queries.ById(referralId, ct))!;
            ETags.Set(http.Response, summary.Version);
            return Results.Created($"{http.Request.PathBase}{http.Request.Path}/{summary.Code}", ReferralResponse.From(summary,
                await replica.FindLocation(summary.LocationId, ct)));
        }
    }
}

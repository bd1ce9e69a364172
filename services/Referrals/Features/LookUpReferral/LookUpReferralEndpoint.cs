using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Hosting;
using IdoPlatform.Contracts.Codes;

namespace IdoPlatform.Referrals.Features.LookUpReferral;

public static class LookUpReferralEndpoint
{
    public static void MapLookUpReferral(this RouteGroupBuilder referrals) =>
        referrals.MapGet("/{code}", async Task<IResult> (string code, HttpContext http, ReferralQueries queries, EventStreams streams,
                CancellationToken ct) =>
            {
                var (summary, problem) = await Find(code, http, queries, ct, allowDesk: true);
                if (problem is not null) return problem;

                var events = await streams.History(summary!.Id, ct);
                var history = events.Select(e => ReferralHistory.Describe(e.StreamVersion, e.Data))
                    .OfType<ReferralHistoryEntry>().ToList();
                ETags.Set(http.Response, summary.Version);
                return Results.Ok(new ReferralDetailResponse(ReferralResponse.From(summary), history));
            })
            .WithName("getReferral")
            .WithSummary("Een verwijzing opzoeken op code, met haar geschiedenis")
            .WithDescription("Voor de uitgevende NPD-organisatie en voor IDO-medewerkers van de organisatie " +
                "waarnaar verwezen is. Hoofd- en kleine letters, spaties en het streepje in de code maken niet uit.")
            .Produces<ReferralDetailResponse>();

    /// <summary>
    /// The referral behind <paramref name="code"/> if the caller may see it. Callers who may see some
    /// referrals but not this one get 404, so a code's existence is not revealed to them.
    /// </summary>
    public static async Task<(ReferralSummary? Summary, IResult? Problem)> Find(string code, HttpContext http,
        ReferralQueries queries, CancellationToken ct, bool allowDesk)
    {
        var caller = Caller.From(http.User);
        if (!caller.IsAgencyAccount && !(allowDesk && caller.IsDesk)) return (null, Problems.Forbidden());
        var normalized = ReferralCodes.Normalize(code);
        if (normalized is null)
            return (null, Problems.InvalidParam("code", InvalidParamCodes.Invalid,
                $"Een verwijscode heeft 8 tekens uit {ReferralCodes.Alphabet}, zoals K7QF-2M9D."));

        var summary = await queries.ByCode(normalized, ct);
        var visible = summary is not null
            && (caller.ActsFor(summary.Agency) || (allowDesk && caller.WorksFor(summary.OrganisationId)));
        return visible ? (summary, null) : (null, Problems.NotFound("Geen verwijzing met deze code die u mag zien."));
    }
}

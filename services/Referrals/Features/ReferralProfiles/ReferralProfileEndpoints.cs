using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdoPlatform.Referrals.Features.ReferralProfiles;

/// <summary>
/// Referral profiles: every desk reads them all; an agency account reads and revises only its own.
/// </summary>
public static class ReferralProfileEndpoints
{
    public static void MapReferralProfiles(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/referral-profiles").WithTags("Verwijsprofielen").RequireAuthorization();

        group.MapGet("", async Task<IResult> (HttpContext http, ReferralProfileQueries profiles, AgencyCatalogue agencies, CancellationToken ct) =>
            {
                var caller = Caller.From(http.User);
                if (!caller.IsDesk && !caller.IsAgencyAccount) return Problems.Forbidden();
                var all = await profiles.All(ct);
                var visible = caller.IsDesk ? all : all.Where(p => caller.ActsFor(p.Agency)).ToList();
                return Results.Ok(visible.Select(p => ToResponse(p, agencies)).ToList());
            })
            .WithName("listReferralProfiles")
            .WithSummary("Alle gepubliceerde verwijsprofielen (een NPD-organisatie ziet alleen het eigen profiel)")
            .Produces<List<ReferralProfileResponse>>();

        group.MapGet("/{agency}", async Task<IResult> (string agency, HttpContext http, ReferralProfileQueries profiles,
                AgencyCatalogue agencies, CancellationToken ct) =>
            {
                if (Authorize(http, agency, agencies, write: false) is { } denied) return denied;
                var profile = await profiles.Of(agency, ct);
                ETags.Set(http.Response, profile.Version);
                return Results.Ok(ToResponse(profile, agencies));
            })
            .WithName("getReferralProfile")
            .WithSummary("Het verwijsprofiel van één NPD-organisatie (versie 0: nog niet gepubliceerd)")
            .Produces<ReferralProfileResponse>();

        group.MapPut("/{agency}", async Task<IResult> (string agency, ReferralProfileRequest request, HttpContext http,
                EventStreams streams, ReferralProfileQueries profiles, AgencyCatalogue agencies, TimeProvider clock,
                CancellationToken ct) =>
            {
                if (Authorize(http, agency, agencies, write: true) is { } denied) return denied;
                var (topics, errors) = ReferralProfileValidation.Validate(request);
                if (errors.Count > 0) return Problems.Validation(errors);
                if (!IfMatch.TryRead(http.Request, out var ifMatch, out var precondition)) return precondition;

                // A profile never published starts empty, at version 0 (what GET shows and If-Match names).
                var context = new AppendContext(Caller.From(http.User).Subject, http.TraceIdentifier);
                var written = await streams.Change<ReferralProfile>(ReferralProfile.StreamId(agency),
                    state => Decision.Accept(ReviseReferralProfile.Decide(state, topics, clock.GetUtcNow())), context, ct,
                    acceptsVersion: ifMatch.Matches, initial: ReferralProfile.Empty(agency));
                if (written.Status == WriteStatus.Stale) return Problems.PreconditionFailed();

                var profile = await profiles.Of(agency, ct);
                ETags.Set(http.Response, profile.Version);
                return Results.Ok(ToResponse(profile, agencies));
            })
            .WithName("reviseReferralProfile")
            .WithSummary("Het eigen verwijsprofiel vervangen (If-Match met de ETag verplicht)")
            .Produces<ReferralProfileResponse>()
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);

        group.MapGet("/{agency}/history", async Task<IResult> (string agency, HttpContext http, EventStreams streams,
                AgencyCatalogue agencies, CancellationToken ct) =>
            {
                if (Authorize(http, agency, agencies, write: false) is { } denied) return denied;
                var events = await streams.History(ReferralProfile.StreamId(agency), ct);
                var revisions = events
                    .Where(e => e.Data is ReferralProfileRevised)
                    .Select(e => (e.StreamVersion, Revised: (ReferralProfileRevised)e.Data))
                    .Select(x => new ReferralProfileRevisionResponse(x.StreamVersion, x.Revised.RevisedAt, x.Revised.Topics.ToResponse()))
                    .ToList();
                return Results.Ok(revisions);
            })
            .WithName("getReferralProfileHistory")
            .WithSummary("Alle versies van een verwijsprofiel, oudste eerst")
            .Produces<List<ReferralProfileRevisionResponse>>();
    }

    /// <summary>Unknown agency → 404; reading: desks and the agency itself; writing: only the agency itself.</summary>
    private static ProblemResult? Authorize(HttpContext http, string agency, AgencyCatalogue agencies, bool write)
    {
        if (!agencies.IsKnown(agency)) return Problems.NotFound($"Onbekende NPD-organisatie '{agency}'.");
        var caller = Caller.From(http.User);
        var allowed = caller.ActsFor(agency) || (!write && caller.IsDesk);
        return allowed ? null : Problems.Forbidden(write
            ? "Alleen accounts van deze NPD-organisatie mogen haar verwijsprofiel wijzigen."
            : "Alleen IDO-medewerkers en de organisatie zelf mogen dit verwijsprofiel inzien.");
    }

    private static ReferralProfileResponse ToResponse(StoredProfile profile, AgencyCatalogue agencies) =>
        new(profile.Agency, agencies.Find(profile.Agency)?.Name ?? profile.Agency, profile.Version, profile.RevisedAt,
            profile.Topics.ToResponse());
}

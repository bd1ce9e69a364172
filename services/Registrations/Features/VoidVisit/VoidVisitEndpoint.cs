using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Common;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.VoidVisit;

public static class VoidVisitEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/visits/{id}/voiding", Handle)
        .RequireRoles(Roles.Desk)
        .Accepts<VoidVisitRequest>("application/json")
        .Produces<VisitResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch(required: false)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .WithTags(RegistrationsApi.Tag)
        .WithSummary("Laat een bezoek vervallen")
        .WithDescription("Het bezoek blijft met zijn geschiedenis bewaard maar telt nergens meer mee. Een reden is verplicht; " +
            "met If-Match volgt 412 als het bezoek intussen is gewijzigd.");

    private static async Task<IResult> Handle(Guid id, HttpContext http, CurrentAccount account, EventStreams streams,
        TimeProvider clock)
    {
        var ct = http.RequestAborted;
        if (!IfMatch.TryReadOptional(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        // Without If-Match a lost race is a 409 (ConcurrencyException): voiding again on a changed visit is not
        // what the desk asked for, so it is not retried.
        var written = await streams.Change<Visit>(id, async (current, version) =>
        {
            if (!account.Owns(current.Place.OrganisationId)) return Decision.Stop(DeskAccess.VisitNotFound());
            if (ifMatch is not null && !ifMatch.Matches(version))
                return Decision.Stop(Problems.PreconditionFailed("Het bezoek is intussen gewijzigd; haal het opnieuw op."));

            var (body, problem) = await JsonRequest.ReadAsync<VoidVisitRequest>(http);
            if (problem is not null) return Decision.Stop(problem);
            var now = clock.GetUtcNow();
            var rules = new Validator();
            var reason = VisitRules.CheckFreeText(rules, "reason", body!.Value?.Reason, DutchCalendar.DayOf(now), required: true);
            var errors = body.Merge(rules.Errors);
            if (errors.Count > 0 || reason is null) return Decision.Stop(Problems.Validation(errors));
            return VoidVisit.Decide(current, reason, now);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch is null ? null : ifMatch.Matches);
        return written.Answer(http);
    }
}

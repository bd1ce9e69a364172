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
        .ProducesProblem(StatusCodes.Status412PreconditionFailed)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .WithTags(RegistrationsApi.Tag)
        .WithSummary("Laat een bezoek vervallen")
        .WithDescription("Het bezoek blijft met zijn geschiedenis bewaard maar telt nergens meer mee. Een reden is verplicht; " +
            "met If-Match volgt 412 als het bezoek intussen is gewijzigd.");

    private static async Task<IResult> Handle(Guid id, HttpContext http, CurrentAccount account, IEventStore store,
        TimeProvider clock)
    {
        var ct = http.RequestAborted;
        IfMatch? ifMatch = null;
        if (http.Request.Headers.IfMatch.Count > 0 && !IfMatch.TryRead(http.Request, out ifMatch, out var preconditionProblem))
            return preconditionProblem;
        if (await store.LoadOwn(id, account, ct) is not var (current, version)) return DeskAccess.VisitNotFound();
        if (ifMatch is not null && !ifMatch.Matches(version))
            return Problems.PreconditionFailed("Het bezoek is intussen gewijzigd; haal het opnieuw op.");

        var (body, problem) = await JsonRequest.ReadAsync<VoidVisitRequest>(http);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow();
        var rules = new Validator();
        var reason = VisitRules.CheckFreeText(rules, "reason", body!.Value?.Reason, DutchTime.DateOf(now), required: true);
        var errors = body.Merge(rules.Errors);
        if (errors.Count > 0 || reason is null) return Problems.Validation(errors);

        if (VoidVisit.Decide(current, reason, now) is not { } voided)
            return Problems.Conflict("Dit bezoek is al vervallen.");
        try
        {
            await store.Append(id, version, [voided], RequestContext.For(account, http), ct);
        }
        catch (ConcurrencyException)
        {
            return ifMatch is not null
                ? Problems.PreconditionFailed("Het bezoek is intussen gewijzigd; haal het opnieuw op.")
                : Problems.Conflict("Het bezoek is intussen gewijzigd; probeer het opnieuw.");
        }
        ETags.Set(http.Response, version + 1);
        return TypedResults.Ok(VisitResponse.From(Visit.Evolve(current, voided)!, version + 1));
    }
}

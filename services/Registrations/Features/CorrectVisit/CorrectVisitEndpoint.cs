using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.CodeLists;
using IdoPlatform.Registrations.Common;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Registrations.Locations;

namespace IdoPlatform.Registrations.Features.CorrectVisit;

public static class CorrectVisitEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPut("/visits/{id}", Handle)
        .RequireRoles(Roles.Desk)
        .Accepts<CorrectVisitRequest>("application/json")
        .Produces<VisitResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch()
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .WithTags(RegistrationsApi.Tag)
        .WithSummary("Corrigeer een bezoek")
        .WithDescription("Vervangt de registratie; een reden is verplicht. Stuur de ETag als If-Match: " +
            "is het bezoek intussen gewijzigd, dan volgt 412. Codes die het bezoek al had mogen blijven, ook als ze zijn ingetrokken.");

    private static async Task<IResult> Handle(Guid id, HttpContext http, CurrentAccount account, EventStreams streams,
        LocationReplica locations, CodeListCatalogue codes, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<Visit>(id, async (current, version) =>
        {
            if (!account.Owns(current.Place.OrganisationId)) return Decision.Stop(DeskAccess.VisitNotFound());
            if (!ifMatch.Matches(version)) return Decision.Stop(Problems.PreconditionFailed("Het bezoek is intussen gewijzigd; haal het opnieuw op."));
            if (current.IsVoided) return Decision.Reject(CorrectVisit.VoidedRejection);

            var (body, problem) = await JsonRequest.ReadAsync<CorrectVisitRequest>(http);
            if (problem is not null) return Decision.Stop(problem);
            var request = body!.Value;
            var input = request?.ToInput();

            // Only a new location is looked up (and must be open and our own); the visit's own may have closed since.
            KnownLocation? location = null;
            if (!string.IsNullOrWhiteSpace(input?.LocationId) && input.LocationId != current.Place.LocationId)
            {
                location = await locations.Find(input.LocationId, ct);
                if (location is not null && !account.Owns(location.OrganisationId)) return Decision.Stop(DeskAccess.ForeignLocation());
            }

            var now = clock.GetUtcNow();
            var rules = new Validator();
            var corrected = input is null ? null : VisitRules.Check(rules, input, new VisitRulesContext(codes, location, now, current));
            var reason = VisitRules.CheckFreeText(rules, "reason", request?.Reason, DutchCalendar.DayOf(now), required: true);
            var errors = body.Merge(rules.Errors);
            if (errors.Count > 0 || corrected is null || reason is null) return Decision.Stop(Problems.Validation(errors));
            return CorrectVisit.Decide(current, corrected, reason, now);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http);
    }
}

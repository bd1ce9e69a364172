using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Common;
using IdoPlatform.Registrations.Features.Visits;
using Marten;

namespace IdoPlatform.Registrations.Features.EraseNote;

public static class EraseNoteEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/visits/{id}/note-erasure", Handle)
        .RequireRoles(Roles.PlatformAdmin)
        .Accepts<EraseNoteRequest>("application/json")
        .Produces<VisitResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch(required: false)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .WithTags(RegistrationsApi.Tag)
        .WithSummary("Wis de notitie van een bezoek")
        .WithDescription("Voor een notitie die toch persoonsgegevens bevat: in elke opgeslagen gebeurtenis van het bezoek " +
            "wordt de notitie vervangen door \"verwijderd\". Het wissen zelf wordt vastgelegd (wie, wanneer, waarom). " +
            "Alleen voor platformbeheerders; een reden is verplicht en mag zelf geen persoonsgegevens bevatten. " +
            "Met If-Match volgt 412 als het bezoek intussen is gewijzigd.");

    private static async Task<IResult> Handle(Guid id, HttpContext http, CurrentAccount account, EventStreams streams,
        IDocumentStore store, IdempotencyStore answers, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        if (!IfMatch.TryReadOptional(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var (body, problem) = await JsonRequest.ReadAsync<EraseNoteRequest>(http);
        if (problem is not null) return problem;
        var now = clock.GetUtcNow();
        var rules = new Validator();
        var reason = VisitRules.CheckFreeText(rules, "reason", body!.Value?.Reason, DutchCalendar.DayOf(now), required: true);
        var errors = body.Merge(rules.Errors);
        if (errors.Count > 0 || reason is null) return Problems.Validation(errors);

        // Record first, then mask: a masking that fails is done again by repeating the request (the note then reads
        // as erased already, so nothing new is recorded). Without If-Match a lost race is decided again: erasing
        // depends only on whether there is a note, and masks the whole stream, whatever changed meanwhile.
        var written = await streams.Change<Visit>(id, visit => EraseNote.Decide(visit, reason, now),
            RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch is null ? null : ifMatch.Matches, attempts: 3);
        if (written.Status is WriteStatus.Appended or WriteStatus.Unchanged)
        {
            await store.Advanced.ApplyEventDataMasking(m => m.IncludeStream(id), ct);
            // The registration's stored answer holds the note too. Without it, a retry with the same key is answered
            // from the (masked) stream instead, as the same visit.
            await answers.ForgetAnswersAbout(RegistrationsApi.VisitPath(id), ct);
        }
        return written.Answer(http);
    }
}

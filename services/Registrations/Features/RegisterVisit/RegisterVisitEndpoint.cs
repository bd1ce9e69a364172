using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.CodeLists;
using IdoPlatform.Registrations.Common;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Registrations.Locations;

namespace IdoPlatform.Registrations.Features.RegisterVisit;

public static class RegisterVisitEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/visits", Handle)
        .WithIdempotency()
        .RequireRoles(Roles.Desk)
        .Accepts<RegisterVisitRequest>("application/json")
        .Produces<VisitResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithTags(RegistrationsApi.Tag)
        .WithSummary("Registreer een bezoek aan het IDO")
        .WithDescription("Anoniem: alleen codes, een optionele verwijscode en een korte notitie zonder persoonsgegevens. " +
            "Met een Idempotency-Key geeft een herhaald verzoek het eerste antwoord, nooit een tweede bezoek.");

    private static async Task<IResult> Handle(HttpContext http, CurrentAccount account, EventStreams streams,
        GroupedStarts<Visit> starts, LocationReplica locations, CodeListCatalogue codes, TimeProvider clock)
    {
        var ct = http.RequestAborted;
        var (body, problem) = await JsonRequest.ReadAsync<RegisterVisitRequest>(http);
        if (problem is not null) return problem;

        var input = body!.Value?.ToInput();
        var location = string.IsNullOrWhiteSpace(input?.LocationId) ? null : await locations.Find(input.LocationId, ct);
        if (location is not null && !account.Owns(location.OrganisationId)) return DeskAccess.ForeignLocation();

        var now = clock.GetUtcNow();
        var rules = new Validator();
        var visit = input is null ? null : VisitRules.Check(rules, input, new VisitRulesContext(codes, location, now));
        var errors = body.Merge(rules.Errors);
        if (errors.Count > 0 || visit is null) return Problems.Validation(errors);

        var key = http.Request.Headers[ApiHeaders.IdempotencyKey].ToString();
        var id = string.IsNullOrEmpty(key) ? Guid.CreateVersion7(now) : RegisterVisit.IdFor(account.AccountId, key);
        var registered = RegisterVisit.Decide(id, visit, now);
        try
        {
            var version = await starts.Start(id, registered, RequestAppendContext.For(http, account)).WaitAsync(ct);
            return Created(http, VisitResponse.From(Visit.Evolve(null, registered)!, version));
        }
        catch (ConcurrencyException) when (key.Length > 0)
        {
            // A retry with the same key whose first answer was not remembered: answer as the first time.
            var first = (await streams.History(id, ct))[0];
            return Created(http, VisitResponse.From(Visit.Evolve(null, first.Data)!, first.StreamVersion));
        }
    }

    private static IResult Created(HttpContext http, VisitResponse visit)
    {
        ETags.Set(http.Response, visit.Version);
        return TypedResults.Created(RegistrationsApi.VisitPath(visit.Id), visit);
    }
}

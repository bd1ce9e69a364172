using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Registrations.Common;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.VisitHistory;

public sealed record VisitHistoryResponse(Guid VisitId, IReadOnlyList<VisitHistoryEntry> Entries);

public static class VisitHistoryEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/visits/{id}/history", Handle)
        .RequireRoles(Roles.Desk)
        .Produces<VisitHistoryResponse>()
        .WithTags(RegistrationsApi.Tag)
        .WithSummary("De geschiedenis van een bezoek")
        .WithDescription("Elke gebeurtenis: wat er veranderde, wanneer, door welk account en waarom.");

    private static async Task<IResult> Handle(Guid id, HttpContext http, CurrentAccount account, EventStreams streams)
    {
        var stream = await streams.History(id, http.RequestAborted);
        if (stream.Count == 0 || stream[0].Data is not VisitRegistered first || !account.Owns(first.Place.OrganisationId))
            return DeskAccess.VisitNotFound();
        return TypedResults.Ok(new VisitHistoryResponse(id, VisitHistory.From(stream)));
    }
}

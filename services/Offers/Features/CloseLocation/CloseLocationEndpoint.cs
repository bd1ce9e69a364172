using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.CloseLocation;

public static class CloseLocationEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/locations/{locationId}/closing", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Locations)
        .WithName("closeLocation")
        .WithSummary("Sluit een locatie: verborgen, nooit verwijderd (If-Match)")
        .WithDescription("De locatie blijft met haar geschiedenis bewaard voor wie haar beheert; haar id wordt nooit opnieuw uitgegeven. " +
            "closedOn is standaard vandaag (Nederlandse tijd) en ligt niet in de toekomst; een gesloten locatie nogmaals sluiten geeft 409.")
        .Produces<LocationResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch();

    private static async Task<IResult> Handle(string locationId, [FromBody] CloseLocationRequest? request, CurrentAccount account,
        EventStreams streams, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        if (!LocationId.IsValid(locationId)) return LocationProblems.NotFound(locationId);
        var written = await streams.Change<Location>(LocationId.StreamId(locationId), state =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(LocationProblems.NotYours());
            var today = DutchCalendar.Today(clock);
            var v = new Validator();
            v.Check(request?.ClosedOn is null || request.ClosedOn <= today, "closedOn", InvalidParamCodes.OutOfRange, "Ligt in de toekomst.");
            v.MaxLength("reason", request?.Reason, 500);
            return v.HasErrors
                ? Decision.Stop(v.Problem())
                : LocationDecisions.Close(state, request?.ClosedOn ?? today, request?.Reason?.Trim());
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, LocationProblems.NotFoundText(locationId), LocationResponse.From);
    }
}

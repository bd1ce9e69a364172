using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Common;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Registrations.Storage;

namespace IdoPlatform.Registrations.Features.GetVisit;

public static class GetVisitEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/visits/{id}", Handle)
        .RequireRoles(Roles.Desk)
        .Produces<VisitResponse>()
        .WithTags(RegistrationsApi.Tag)
        .WithSummary("Een bezoek van uw organisatie")
        .WithDescription("De ETag is de versie; stuur hem mee als If-Match bij een correctie.");

    private static async Task<IResult> Handle(Guid id, HttpContext http, CurrentAccount account, VisitListQueries visits)
    {
        // Another organisation's visit is simply not found: we do not even confirm it exists.
        if (account.OrganisationId is not { } organisation || await visits.Find(organisation, id, http.RequestAborted) is not { } visit)
            return DeskAccess.VisitNotFound();
        ETags.Set(http.Response, visit.Version);
        return TypedResults.Ok(visit);
    }
}

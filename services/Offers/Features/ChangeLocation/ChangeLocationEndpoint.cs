using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.ChangeLocation;

public static class ChangeLocationEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPut("/locations/{locationId}", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Locations)
        .WithName("changeLocation")
        .WithSummary("Wijzig een locatie (If-Match)")
        .WithDescription("Een bibliotheekbeheerder wijzigt alleen locaties van de eigen organisatie; een locatie verhuist niet naar een andere organisatie.")
        .Produces<LocationResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch();

    private static async Task<IResult> Handle(string locationId, ChangeLocationRequest request, CurrentAccount account,
        EventStreams streams, OrganisationQueries organisations, Pc4Lookup postcodes, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        if (!LocationId.IsValid(locationId)) return LocationProblems.NotFound(locationId);
        var written = await streams.Change<Location>(LocationId.StreamId(locationId), async (state, _) =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(LocationProblems.NotYours());
            var v = new Validator();
            if (request.OrganisationId is { } moved && moved != state.OrganisationId)
                v.Invalid("organisationId", "Een locatie verhuist niet naar een andere organisatie.");
            var (facts, errors) = request.Validate(postcodes, v);
            if (errors.HasErrors) return Decision.Stop(errors.Problem(GeoSearch.ProblemDetail(errors)));
            var organisationName = (await organisations.Find(state.OrganisationId, ct))?.Organisation.Name ?? state.OrganisationName;
            return LocationDecisions.Change(state, organisationName, facts!);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, LocationProblems.NotFoundText(locationId), LocationResponse.From);
    }
}

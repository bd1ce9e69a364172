using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Referrals.Features.Catalogue;

namespace IdoPlatform.Referrals.Features.ListAgencies;

public static class ListAgenciesEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/agencies", Handle)
        .RequireRoles([.. Roles.All]) // public contact data: every signed-in account
        .WithTags("NPD-organisaties")
        .WithName("listAgencies")
        .WithSummary("De NPD-organisaties (versie van de catalogus en openbare contactgegevens)")
        .Produces<AgencyCatalogueResponse>();

    private static IResult Handle(AgencyCatalogue catalogue) => TypedResults.Ok(new AgencyCatalogueResponse(catalogue.Version,
        catalogue.All.Select(a => new AgencyResponse(a.Code, a.Name, a.Abbreviation, a.NpdMemberSince, a.NpdMemberUntil,
            a.Website, a.Phone)).ToList()));
}

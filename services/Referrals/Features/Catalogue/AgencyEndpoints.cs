namespace IdoPlatform.Referrals.Features.Catalogue;

public sealed record AgencyResponse(
    string Code,
    string Name,
    string Abbreviation,
    DateOnly NpdMemberSince,
    DateOnly? NpdMemberUntil,
    string Website,
    string? Phone);

public sealed record AgencyCatalogueResponse(int Version, IReadOnlyList<AgencyResponse> Agencies);

public static class AgencyEndpoints
{
    public static void MapAgencies(this RouteGroupBuilder api) =>
        api.MapGet("/agencies", (AgencyCatalogue catalogue) => Results.Ok(new AgencyCatalogueResponse(catalogue.Version,
                catalogue.All.Select(a => new AgencyResponse(a.Code, a.Name, a.Abbreviation, a.NpdMemberSince,
                    a.NpdMemberUntil, a.Website, a.Phone)).ToList())))
            .RequireAuthorization()
            .WithTags("NPD-organisaties")
            .WithName("listAgencies")
            .WithSummary("De NPD-organisaties (versie van de catalogus en openbare contactgegevens)")
            .Produces<AgencyCatalogueResponse>();
}

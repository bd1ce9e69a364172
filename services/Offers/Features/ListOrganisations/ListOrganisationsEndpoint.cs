using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.Offers.Storage;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.ListOrganisations;

public static class ListOrganisationsEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/organisations", Handle)
        .AllowAnonymousBehindGateway()
        .WithTags(OffersApi.Tags.Organisations)
        .WithName("listOrganisations")
        .WithSummary("Bibliotheek- en partnerorganisaties, op naam")
        .Produces<Paged<OrganisationResponse>>();

    private static async Task<IResult> Handle([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize,
        CurrentAccount? account, OrganisationQueries organisations, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var paging = Paging.Read(v, page, pageSize);
        if (v.HasErrors) return v.Problem();
        var (items, total) = await organisations.List(OffersAccess.SeesEverythingHidden(account), paging.Offset, paging.PageSize, ct);
        return paging.Result(http, items, total);
    }
}

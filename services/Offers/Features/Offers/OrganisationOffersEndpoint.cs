using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Domain;
using IdoPlatform.Offers.Http;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.Offers;

/// <summary>
/// GET /organisations/{organisationId}/offers: every offer of one organisation, drafts and withdrawn ones too, newest
/// first, for the people who manage them (the public search shows published offers only).
/// </summary>
public static class OrganisationOffersEndpoint
{
    private static readonly string[] Statuses = [OfferStatus.Draft, OfferStatus.Published, OfferStatus.Withdrawn];

    public static void MapOrganisationOffers(this RouteGroupBuilder api) =>
        api.MapGet("/organisations/{organisationId:guid}/offers", List).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithTags("Aanbod")
            .WithName("listOrganisationOffers").WithSummary("Al het aanbod van een organisatie, ook concepten en ingetrokken aanbod")
            .Produces<Paged<OfferView>>().ProducesProblem(400).ProducesProblem(403);

    private static async Task<IResult> List(Guid organisationId, [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize, CurrentAccount account,
        OfferQueries offers, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (status is not null && !Statuses.Contains(status))
            v.Invalid("status", $"Kies uit: {string.Join(", ", Statuses)}.");
        var paging = Paging.Read(v, page, pageSize);
        if (v.HasErrors) return v.Problem();
        if (!OffersAccess.CanManage(account, organisationId))
            return Problems.Forbidden("U beheert alleen het aanbod van uw eigen organisatie.");

        var all = await offers.OfOrganisation(organisationId, status, ct);
        var items = all.Skip(paging.Offset).Take(paging.PageSize).Select(OfferView.From).ToList();
        return paging.Result(http, items, all.Count);
    }
}

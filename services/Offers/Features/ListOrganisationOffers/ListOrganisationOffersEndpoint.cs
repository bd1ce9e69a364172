using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Storage;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.ListOrganisationOffers;

/// <summary>
/// GET /organisations/{organisationId}/offers: every offer of one organisation, drafts and withdrawn ones too, newest
/// first, for the people who manage them (the public search shows published offers only).
/// </summary>
public static class ListOrganisationOffersEndpoint
{
    private static readonly string[] Statuses = [OfferStatus.Draft, OfferStatus.Published, OfferStatus.Withdrawn];

    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/organisations/{organisationId}/offers", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Offers)
        .WithName("listOrganisationOffers")
        .WithSummary("Al het aanbod van een organisatie, ook concepten en ingetrokken aanbod")
        .WithDescription("Nieuwste eerst, voor wie de organisatie beheert; filter met status (draft, published, withdrawn).")
        .Produces<Paged<OfferResponse>>();

    private static async Task<IResult> Handle(Guid organisationId, [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize, CurrentAccount account,
        OfferQueries offers, OrganisationQueries organisations, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        if (status is not null && !Statuses.Contains(status))
            v.Invalid("status", $"Kies uit: {string.Join(", ", Statuses)}.");
        var paging = Paging.Read(v, page, pageSize);
        if (v.HasErrors) return v.Problem();
        if (!OffersAccess.CanManage(account, organisationId))
            return OfferProblems.NotYours();

        var all = await offers.OfOrganisation(organisationId, status, ct);
        // An empty list is only an answer for an organisation that exists (asked only then: one lookup less).
        if (all.Count == 0 && await organisations.Find(organisationId, ct) is null)
            return Problems.NotFound($"Organisatie {organisationId} bestaat niet.");
        var items = all.Skip(paging.Offset).Take(paging.PageSize).Select(OfferResponse.From).ToList();
        return paging.Result(http, items, all.Count);
    }
}

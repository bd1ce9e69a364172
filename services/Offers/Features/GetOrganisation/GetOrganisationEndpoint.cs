using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.GetOrganisation;

public static class GetOrganisationEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/organisations/{organisationId}", Handle)
        .AllowAnonymousBehindGateway()
        .WithTags(OffersApi.Tags.Organisations)
        .WithName("getOrganisation")
        .WithSummary("Eén organisatie")
        .WithDescription("Een verborgen organisatie alleen voor wie haar beheert. De ETag is de versie; stuur hem mee als If-Match bij een wijziging.")
        .Produces<OrganisationResponse>();

    private static async Task<IResult> Handle(Guid organisationId, CurrentAccount? account, OrganisationQueries organisations,
        HttpContext http, CancellationToken ct)
    {
        var found = await organisations.Find(organisationId, ct);
        if (found is not { } f || (!f.Organisation.Visible && !OffersAccess.CanManage(account, organisationId)))
            return Problems.NotFound($"Organisatie {organisationId} bestaat niet of is niet zichtbaar.");
        ETags.Set(http.Response, f.Version);
        return TypedResults.Ok(f.Organisation);
    }
}

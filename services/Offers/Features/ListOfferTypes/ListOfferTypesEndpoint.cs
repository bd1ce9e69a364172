using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Storage;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.ListOfferTypes;

public static class ListOfferTypesEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/offer-types", Handle)
        .AllowAnonymousBehindGateway()
        .WithTags(OffersApi.Tags.OfferTypes)
        .WithName("listOfferTypes")
        .WithSummary("Aanbodsoorten (G!DS), elk in de laatste versie")
        .Produces<Paged<OfferTypeResponse>>();

    private static async Task<IResult> Handle([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize,
        OfferTypeQueries offerTypes, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var paging = Paging.Read(v, page, pageSize);
        if (v.HasErrors) return v.Problem();
        var all = await offerTypes.All(ct);
        var items = all.Skip(paging.Offset).Take(paging.PageSize)
            .Select(t => OfferTypeResponse.From(t.Type.Code, t.Type.Current, t.Type.Current.Version)).ToList();
        return paging.Result(http, items, all.Count);
    }
}

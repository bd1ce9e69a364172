using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Offers.Codes;

namespace IdoPlatform.Offers.Features.CodeLists;

public sealed record CodeResponse(string Code, string Label);

public sealed record CodeListResponse(string Name, IReadOnlyList<CodeResponse> Codes);

public static class CodeListsEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/code-lists", () => TypedResults.Ok(OffersCodes.All
            .Select(l => new CodeListResponse(l.Name, l.Entries.Select(e => new CodeResponse(e.Code, e.Label)).ToList()))
            .ToList()))
        .AllowAnonymousBehindGateway()
        .WithTags(OffersApi.Tags.CodeLists)
        .WithName("listCodeLists")
        .WithSummary("De codelijsten van het aanbod, met Nederlandse labels")
        .Produces<IReadOnlyList<CodeListResponse>>();
}

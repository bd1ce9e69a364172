using IdoPlatform.Offers.Codes;

namespace IdoPlatform.Offers.Features.CodeLists;

public sealed record CodeView(string Code, string Label);

public sealed record CodeListView(string Name, IReadOnlyList<CodeView> Codes);

public static class CodeListEndpoints
{
    public static void MapCodeLists(this RouteGroupBuilder api) =>
        api.MapGet("/code-lists", () => TypedResults.Ok(OffersCodes.All
                .Select(l => new CodeListView(l.Name, l.Entries.Select(e => new CodeView(e.Code, e.Label)).ToList()))
                .ToList()))
            .AllowAnonymous().WithTags("Codelijsten")
            .WithName("listCodeLists").WithSummary("De codelijsten van het aanbod, met Nederlandse labels")
            .Produces<IReadOnlyList<CodeListView>>();
}

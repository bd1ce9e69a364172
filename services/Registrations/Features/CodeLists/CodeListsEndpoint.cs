using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Registrations.CodeLists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace IdoPlatform.Registrations.Features.CodeLists;

/// <summary>Every code list, retired codes included (with their validTo), so a client can show old visits.</summary>
public sealed record CodeListsResponse(IReadOnlyList<CodeListResponse> Lists);

public sealed record CodeListResponse(string Name, string Title, int Version, IReadOnlyList<CodeEntry> Codes);

public static class CodeListsEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/code-lists", Handle)
        .AllowAnonymousBehindGateway()
        .WithTags("Codelijsten")
        .WithSummary("De codelijsten voor het registreren")
        .WithDescription("Per code het Nederlandse label en de geldigheid (validFrom en validTo, inclusief). " +
            "Een ingetrokken code (validTo verstreken) wordt voor nieuwe bezoeken geweigerd.");

    private static Ok<CodeListsResponse> Handle(CodeListCatalogue codes) => TypedResults.Ok(new CodeListsResponse(
        codes.All.Select(l => new CodeListResponse(l.Name, l.Title, l.Version, l.Codes)).ToList()));
}

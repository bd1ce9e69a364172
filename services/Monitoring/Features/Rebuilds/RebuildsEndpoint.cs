using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Monitoring.Features.Rebuilds;

public static class RebuildsEndpoint
{
    public static void MapRebuilds(this IEndpointRouteBuilder api)
    {
        api.MapPost("/rebuilds", Start)
            .RequireRoles(Roles.PlatformAdmin)
            .WithName("startRebuild")
            .WithTags("Beheer")
            .WithSummary("Bouw de telltabellen opnieuw op uit het logboek")
            .WithDescription("""
                Start een herbouw op de achtergrond: nieuwe tabellen worden gevuld uit het logboek terwijl de
                huidige blijven antwoorden, daarna wordt in één transactie omgeschakeld. 202 met de voortgang
                op de `Location`; 409 als er al een herbouw loopt.
                """)
            .Produces<Rebuild>(StatusCodes.Status202Accepted);

        api.MapGet("/rebuilds/{rebuildId:guid}", Find)
            .RequireRoles(Roles.PlatformAdmin)
            .WithName("getRebuild")
            .WithTags("Beheer")
            .WithSummary("Voortgang en uitkomst van een herbouw")
            .Produces<Rebuild>();
    }

    private static async Task<IResult> Start(HttpRequest request, CurrentAccount account, RebuildRunner runner,
        CancellationToken ct)
    {
        var rebuild = await runner.TryStart(account.AccountId, ct);
        if (rebuild is null) return Problems.Conflict("Er loopt al een herbouw.");
        return Results.Accepted($"{request.PathBase}{request.Path}/{rebuild.Id}", rebuild);
    }

    private static async Task<IResult> Find(Guid rebuildId, RebuildRunner runner, CancellationToken ct) =>
        await runner.Find(rebuildId, ct) is { } rebuild ? Results.Ok(rebuild) : Problems.NotFound();
}

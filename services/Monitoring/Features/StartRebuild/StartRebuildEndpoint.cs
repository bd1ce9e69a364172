using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.Features.Rebuilds;

namespace IdoPlatform.Monitoring.Features.StartRebuild;

public static class StartRebuildEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/rebuilds", Handle)
        .RequireRoles(Roles.PlatformAdmin)
        .WithName("startRebuild")
        .WithTags(MonitoringApi.AdminTag)
        .WithSummary("Bouw de telltabellen opnieuw op uit het logboek")
        .WithDescription("""
            Start een herbouw op de achtergrond: nieuwe tabellen worden gevuld uit het logboek terwijl de
            huidige blijven antwoorden, daarna wordt in één transactie omgeschakeld. 202 met de voortgang
            op de `Location`; 409 als er al een herbouw loopt.
            """)
        .Produces<Rebuild>(StatusCodes.Status202Accepted)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(HttpRequest request, CurrentAccount account, RebuildRunner runner,
        CancellationToken ct)
    {
        var rebuild = await runner.TryStart(account.AccountId, ct);
        if (rebuild is null) return Problems.Conflict("Er loopt al een herbouw.");
        return Results.Accepted($"{request.PathBase}{request.Path}/{rebuild.Id}", rebuild);
    }
}

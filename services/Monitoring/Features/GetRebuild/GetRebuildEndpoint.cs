using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.Features.Rebuilds;

namespace IdoPlatform.Monitoring.Features.GetRebuild;

public static class GetRebuildEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/rebuilds/{rebuildId}", Handle)
        .RequireRoles(Roles.PlatformAdmin)
        .WithName("getRebuild")
        .WithTags(MonitoringApi.AdminTag)
        .WithSummary("Voortgang en uitkomst van een herbouw")
        .Produces<Rebuild>();

    /// <summary>The id is parsed here, not by a route constraint, so a malformed one is a 400 naming it.</summary>
    private static async Task<IResult> Handle(string rebuildId, RebuildRunner runner, CancellationToken ct)
    {
        if (!Guid.TryParse(rebuildId, out var id))
            return Problems.InvalidParam("rebuildId", InvalidParamCodes.Invalid,
                "Een herbouw-id (UUID), zoals in de Location van POST /rebuilds.");
        return await runner.Find(id, ct) is { } rebuild ? Results.Ok(rebuild) : Problems.NotFound("Geen herbouw met dit id.");
    }
}

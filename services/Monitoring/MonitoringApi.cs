using IdoPlatform.Monitoring.Features.Freshness;
using IdoPlatform.Monitoring.Features.IdoLocations;
using IdoPlatform.Monitoring.Features.QuestionCounts;
using IdoPlatform.Monitoring.Features.GetRebuild;
using IdoPlatform.Monitoring.Features.StartRebuild;
using IdoPlatform.Monitoring.Features.ReferralOutcomes;

namespace IdoPlatform.Monitoring;

public static class MonitoringApi
{
    public const string BasePath = "/monitoring/v1";
    /// <summary>Operations for the platform's administrators: freshness and rebuilds.</summary>
    public const string AdminTag = "Beheer";

    public static RouteGroupBuilder MapMonitoringApi(this RouteGroupBuilder api)
    {
        QuestionCountsEndpoint.Map(api);
        ReferralOutcomesEndpoint.Map(api);
        IdoLocationsEndpoint.Map(api);
        FreshnessEndpoint.Map(api);
        StartRebuildEndpoint.Map(api);
        GetRebuildEndpoint.Map(api);
        return api;
    }
}

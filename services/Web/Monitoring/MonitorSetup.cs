namespace IdoPlatform.Web.Monitoring;

public static class MonitorSetup
{
    /// <summary>The dashboard's services (one line in WebSetup, so the areas' registrations merge without conflict).</summary>
    public static IServiceCollection AddMonitorDashboard(this IServiceCollection services)
    {
        services.AddScoped<MonitorDashboard>();
        services.AddSingleton<MunicipalityNames>();
        return services;
    }
}

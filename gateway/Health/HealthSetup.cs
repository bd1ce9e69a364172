using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace IdoPlatform.Gateway.Health;

/// <summary><c>/health/live</c>: the process answers. <c>/health/ready</c>: the gateway is ready, with
/// one entry per service (from the clusters in <c>ReverseProxy:Clusters</c>), naming the state of each of its
/// instances (destinations).</summary>
internal static class HealthSetup
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddGatewayHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var checks = services.AddHealthChecks();
        // A service that is down would log a warning per call of /health/ready (a launcher polls it); its changes of
        // state are logged once each by YARP's health updater.
        services.Configure<LoggerFilterOptions>(logging =>
            logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService", LogLevel.Error));
        foreach (var cluster in configuration.GetSection("ReverseProxy:Clusters").GetChildren())
        {
            var clusterId = cluster.Key;
            checks.Add(new HealthCheckRegistration(clusterId,
                provider => new ServiceHealthCheck(clusterId, provider.GetRequiredService<IProxyStateLookup>()),
                failureStatus: HealthStatus.Degraded, tags: [ReadyTag]));
        }
        return services;
    }

    public static void MapGatewayHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            services = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description,
                destinations = e.Value.Data, // each instance's state, by destination id
            }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, JsonSerializerOptions.Web, http.RequestAborted);
    }
}

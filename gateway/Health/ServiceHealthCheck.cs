using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace IdoPlatform.Gateway.Health;

/// <summary>Reports what the proxy's active health checks last saw of one service. A service that is
/// down makes the gateway Degraded, not Unhealthy: the gateway still serves the other services, so an
/// orchestrator must not take it out of rotation for that.</summary>
internal sealed class ServiceHealthCheck(string clusterId, IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxy.TryGetCluster(clusterId, out var cluster))
            return Task.FromResult(HealthCheckResult.Degraded($"Dienst '{clusterId}' is niet geconfigureerd."));

        var states = cluster.Destinations.Values.Select(d => d.Health.Active).ToList();
        var result = states switch
        {
            _ when states.Contains(DestinationHealth.Healthy) => HealthCheckResult.Healthy("bereikbaar"),
            _ when states.Count > 0 && states.All(s => s == DestinationHealth.Unhealthy) => HealthCheckResult.Degraded("niet bereikbaar"),
            _ => HealthCheckResult.Degraded("nog niet gecontroleerd"),
        };
        return Task.FromResult(result);
    }
}

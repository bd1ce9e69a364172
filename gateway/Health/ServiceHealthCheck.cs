using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace IdoPlatform.Gateway.Health;

/// <summary>Reports what the proxy's health checks last saw of one service, and of each of its instances
/// (destinations; the data names each one's state). The service is Healthy while any instance is: the
/// gateway sends traffic to the ones that are up. A service with none up makes the gateway Degraded, not
/// Unhealthy: the gateway still serves the other services, so an orchestrator must not take it out of
/// rotation for that.</summary>
internal sealed class ServiceHealthCheck(string clusterId, IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!proxy.TryGetCluster(clusterId, out var cluster))
            return Task.FromResult(HealthCheckResult.Degraded($"Dienst '{clusterId}' is niet geconfigureerd."));

        var destinations = cluster.Destinations.Values.OrderBy(d => d.DestinationId, StringComparer.Ordinal)
            .ToDictionary(d => d.DestinationId, d => State(d.Health));
        var states = destinations.Values.ToList();
        var up = states.Count(s => s == DestinationHealth.Healthy);
        var data = destinations.ToDictionary(d => d.Key, d => (object)d.Value.ToString());
        var result = states switch
        {
            _ when up > 0 => HealthCheckResult.Healthy(states.Count == 1 ? "bereikbaar" : $"bereikbaar ({up} van {states.Count} instanties)", data),
            _ when states.Count > 0 && states.All(s => s == DestinationHealth.Unhealthy) => HealthCheckResult.Degraded("niet bereikbaar", data: data),
            _ => HealthCheckResult.Degraded("nog niet gecontroleerd", data: data),
        };
        return Task.FromResult(result);
    }

    /// <summary>Down when either check says so (the passive one reacts to a refused connection at once);
    /// up only once the active probe has seen it.</summary>
    private static DestinationHealth State(DestinationHealthState health) =>
        health.Active == DestinationHealth.Unhealthy || health.Passive == DestinationHealth.Unhealthy
            ? DestinationHealth.Unhealthy
            : health.Active;
}

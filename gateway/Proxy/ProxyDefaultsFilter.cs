using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace IdoPlatform.Gateway.Proxy;

/// <summary>Gives every cluster the gateway's timeout (<c>Gateway:Timeout</c>) and an active health
/// check of the service's readiness endpoint, unless the cluster's own configuration says otherwise;
/// so a deployment only has to name addresses.</summary>
internal sealed class ProxyDefaultsFilter(IOptions<GatewayOptions> options) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        var gateway = options.Value;
        var request = cluster.HttpRequest ?? new ForwarderRequestConfig();
        if (request.ActivityTimeout is null)
            request = request with { ActivityTimeout = gateway.Timeout };

        var health = cluster.HealthCheck ?? new HealthCheckConfig();
        if (health.Active is null && gateway.HealthChecks.Enabled)
            health = health with
            {
                Active = new ActiveHealthCheckConfig
                {
                    Enabled = true,
                    Interval = gateway.HealthChecks.Interval,
                    Timeout = gateway.HealthChecks.Timeout,
                    Policy = "ConsecutiveFailures",
                    Path = gateway.HealthChecks.Path,
                },
            };

        return ValueTask.FromResult(cluster with { HttpRequest = request, HealthCheck = health });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}

using Microsoft.Extensions.Options;
using IdoPlatform.Gateway.Health;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;

namespace IdoPlatform.Gateway.Proxy;

/// <summary>Gives every cluster the gateway's timeout (<c>Gateway:Timeout</c>), an active health check of
/// the service's liveness endpoint, a passive one (<see cref="DownOnConnectionFailure"/>) and no traffic to a
/// destination either finds down, unless the cluster's own configuration says otherwise; so a deployment
/// only has to name addresses.</summary>
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

        if (health.Passive is null)
            health = health with
            {
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = DownOnConnectionFailure.PolicyName,
                    ReactivationPeriod = gateway.HealthChecks.Interval,
                },
            };
        // A service known to be down gets no traffic (503 at once); YARP's default would still send every
        // request to it once all its destinations are down ("panic").
        health = health with { AvailableDestinationsPolicy = health.AvailableDestinationsPolicy ?? "HealthyAndUnknown" };

        // With replicas, one failed probe moves traffic to the others at once (an instance that is stopping says so
        // on its probe); a lone instance keeps YARP's default of two, as a single lost probe would cut the service off.
        var metadata = cluster.Metadata;
        if (cluster.Destinations is { Count: > 1 } && metadata?.ContainsKey(ConsecutiveFailuresHealthPolicyOptions.ThresholdMetadataName) != true)
            metadata = new Dictionary<string, string>(metadata ?? new Dictionary<string, string>())
            {
                [ConsecutiveFailuresHealthPolicyOptions.ThresholdMetadataName] = "1",
            };

        return ValueTask.FromResult(cluster with { HttpRequest = request, HealthCheck = health, Metadata = metadata });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);
}

using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace IdoPlatform.Gateway.Health;

/// <summary>
/// Passive health: a forward that could not even connect marks that destination down at once, until its
/// reactivation period passes (the active probe's interval) or the probe finds it back. Meanwhile the
/// gateway answers 503 from that state, without a connect attempt or a log line per request. A slow or
/// broken answer does not count: the service is there.
/// </summary>
internal sealed class DownOnConnectionFailure(IDestinationHealthUpdater health, IOptions<GatewayOptions> options) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "ConnectionFailures";

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.GetForwarderErrorFeature() is { Error: ForwarderError.Request } failure && ConnectionFailure.Is(failure.Exception))
            health.SetPassive(cluster, destination, DestinationHealth.Unhealthy,
                cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? options.Value.HealthChecks.Interval);
    }
}

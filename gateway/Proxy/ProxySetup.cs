using IdoPlatform.Gateway.Health;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Transforms;

namespace IdoPlatform.Gateway.Proxy;

internal static class ProxySetup
{
    /// <summary>Routes and cluster addresses come from the <c>ReverseProxy</c> section;
    /// <see cref="ProxyDefaultsFilter"/> adds timeout and health-check defaults to every cluster.
    /// X-Forwarded-* (For, Proto, Host, Prefix) are YARP's default transforms; W3C <c>traceparent</c>
    /// is carried by the forwarder's activity propagation.</summary>
    public static IServiceCollection AddGatewayProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy()
            .LoadFromConfig(configuration.GetSection("ReverseProxy"))
            .AddConfigFilter<ProxyDefaultsFilter>()
            .AddTransforms(transforms =>
                // CORS was settled at the edge; a service must not answer a second time.
                transforms.AddRequestHeaderRemove("Origin"));
        services.AddSingleton<IPassiveHealthCheckPolicy, DownOnConnectionFailure>();
        // While a service is down YARP would log each request (with a stack trace per failed connect, and a
        // warning per request refused for want of a destination) and each failed probe; the health updater
        // still logs each change of a destination's state, down and up.
        services.Configure<LoggerFilterOptions>(logging =>
        {
            foreach (var perRequest in (string[])["Yarp.ReverseProxy.Forwarder", "Yarp.ReverseProxy.Model",
                         "Yarp.ReverseProxy.LoadBalancing", "Yarp.ReverseProxy.Health.ActiveHealthCheckMonitor"])
                logging.AddFilter(perRequest, LogLevel.Error);
            logging.AddFilter("Yarp.ReverseProxy.Health.DestinationHealthUpdater", LogLevel.Information);
        });
        return services;
    }

    /// <summary>Small answers leave in one write; inside that, our error mapping wraps the retry, which wraps
    /// YARP's usual steps.</summary>
    public static void MapGatewayProxy(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<SmallResponsesInOneWrite>();
            proxy.UseMiddleware<ProxyErrorProblems>();
            proxy.UseMiddleware<RetryOnAnotherDestination>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
}

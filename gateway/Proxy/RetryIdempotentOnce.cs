using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace IdoPlatform.Gateway.Proxy;

/// <summary>A GET or HEAD whose forwarding failed before any answer came (connection refused or reset,
/// answer cut off before its headers) is tried once more. Other methods never: the service may have
/// acted on the first attempt. Time-outs are not retried, so a client waits at most the configured
/// timeout.</summary>
internal sealed class RetryIdempotentOnce(RequestDelegate next, ILogger<RetryIdempotentOnce> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (!IsIdempotentRead(http.Request.Method))
        {
            await next(http);
            return;
        }

        var proxy = http.GetReverseProxyFeature();
        var destinations = proxy.AvailableDestinations; // load balancing narrows this; the retry starts afresh
        await next(http);

        if (!WorthRetrying(http))
            return;
        logger.LogInformation("Retrying {Method} {Path} once after a transport failure", http.Request.Method, http.Request.Path);
        http.Features.Set<IForwarderErrorFeature>(null);
        http.Response.StatusCode = StatusCodes.Status200OK;
        proxy.AvailableDestinations = destinations;
        await next(http);
    }

    private static bool IsIdempotentRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method);

    private static bool WorthRetrying(HttpContext http) =>
        http.GetForwarderErrorFeature()?.Error is ForwarderError.Request
        && !http.Response.HasStarted
        && !http.RequestAborted.IsCancellationRequested;
}

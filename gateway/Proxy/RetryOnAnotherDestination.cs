using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Gateway.Health;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace IdoPlatform.Gateway.Proxy;

/// <summary>
/// A forward that failed before any answer came is tried once more, on another destination of the cluster
/// when there is one (a replica), when a second attempt cannot do harm:
/// <list type="bullet">
/// <item>the connection could not be made (refused, unreachable): the request never reached a service, so
/// any method is retried;</item>
/// <item>the exchange broke off before the answer (connection reset, answer cut off before its headers): the
/// service may have acted, so only a GET, HEAD or OPTIONS, or a request carrying an <c>Idempotency-Key</c>
/// (the services answer a repeat with the first answer: every POST that creates something honours it).</item>
/// </list>
/// The body of a request with an <c>Idempotency-Key</c> is kept (in memory, on disk past 30 KB; bodies are at
/// most <c>Gateway:MaxRequestBodyBytes</c>) so it can be sent again. Time-outs are not retried, so a client
/// waits at most the configured timeout.
/// </summary>
internal sealed class RetryOnAnotherDestination(RequestDelegate next, ILogger<RetryOnAnotherDestination> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var idempotent = IsSafeToRepeat(http.Request);
        if (idempotent && http.Request.Headers.ContainsKey(ApiHeaders.IdempotencyKey))
            http.Request.EnableBuffering();

        var proxy = http.GetReverseProxyFeature();
        var destinations = proxy.AvailableDestinations; // load balancing narrows this; the retry starts afresh
        await next(http);

        if (http.GetForwarderErrorFeature() is not { } failure || !WorthRetrying(http, failure, idempotent))
            return;
        var failed = proxy.ProxiedDestination;
        var others = destinations.Where(d => !ReferenceEquals(d, failed)).ToList();
        var neverReached = failure.Error == ForwarderError.Request && ConnectionFailure.Is(failure.Exception);
        // The same destination again only helps for a broken exchange (a stale pooled connection), not a refusal.
        if (others.Count == 0 && neverReached)
            return;

        logger.LogInformation("Retrying {Method} {Path} on {Destination} after a transport failure at {Failed}",
            http.Request.Method, http.Request.Path, others.Count > 0 ? "another instance" : "the same instance", failed?.DestinationId);
        http.Features.Set<IForwarderErrorFeature>(null);
        http.Response.StatusCode = StatusCodes.Status200OK;
        if (http.Request.Body.CanSeek)
            http.Request.Body.Position = 0;
        proxy.AvailableDestinations = others.Count > 0 ? others : destinations;
        await next(http);
    }

    private static bool IsSafeToRepeat(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
        || request.Headers.ContainsKey(ApiHeaders.IdempotencyKey);

    private static bool WorthRetrying(HttpContext http, IForwarderErrorFeature failure, bool idempotent)
    {
        if (http.Response.HasStarted || http.RequestAborted.IsCancellationRequested)
            return false;
        return failure.Error switch
        {
            ForwarderError.Request => idempotent || ConnectionFailure.Is(failure.Exception),
            // The service broke off while the body was on its way: it cannot have answered, it may have acted.
            ForwarderError.RequestBodyDestination => idempotent && http.Request.Body.CanSeek,
            _ => false,
        };
    }
}

using IdoPlatform.BuildingBlocks.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Gateway.Edge;

/// <summary>The outermost piece: stamps the edge headers on every response, refuses what never passes
/// (trailing slash → 404, body over the limit → 413, a header
/// value outside ASCII → 400) before anything is forwarded, turns exceptions into
/// problems and gives every bodiless error (ours or a service's) a problem document.</summary>
internal sealed class EdgeMiddleware(RequestDelegate next, IOptions<GatewayOptions> options, ILogger<EdgeMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        EdgeHeaders.StampOnStart(http, options.Value.ApiVersion);

        if (Refusal(http) is { } refusal)
        {
            await refusal.ExecuteAsync(http);
            return;
        }

        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody is left to answer
        }
        catch (BadHttpRequestException exception) when (!http.Response.HasStarted)
        {
            // Kestrel's own refusals while we read a body, e.g. 413 for a chunked body over the limit.
            http.Response.Clear();
            await ProblemWriter.WriteAsync(http, exception.StatusCode);
            return;
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            logger.LogError(exception, "Unhandled error at the gateway for {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            await ProblemWriter.WriteAsync(http, StatusCodes.Status500InternalServerError);
            return;
        }

        if (NeedsProblemBody(http))
            await ProblemWriter.WriteAsync(http, http.Response.StatusCode);
    }

    private ProblemResult? Refusal(HttpContext http)
    {
        var request = http.Request;
        // The API Design Rules: a trailing slash is a 404, never a redirect.
        if (request.Path.Value is { Length: > 1 } path && path.EndsWith('/'))
            return Problems.NotFound();

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
            return Problems.Status(StatusCodes.Status413PayloadTooLarge);
        // A body without Content-Length is counted while it streams through; Kestrel stops it at the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        return AsciiHeaders.Refusal(request.Headers);
    }

    private static bool NeedsProblemBody(HttpContext http)
    {
        var response = http.Response;
        return response.StatusCode >= 400
            && !response.HasStarted
            && !HttpMethods.IsHead(http.Request.Method)
            && response.ContentLength is null
            && string.IsNullOrEmpty(response.ContentType)
            && !http.RequestAborted.IsCancellationRequested;
    }
}

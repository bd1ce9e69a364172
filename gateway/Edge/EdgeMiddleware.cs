using IdoPlatform.BuildingBlocks.Web;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Gateway.Edge;

/// <summary>The outermost piece: stamps the edge headers on every response, refuses what never passes
/// (trailing slash → 404, body over the limit → 413, a header
/// value outside ASCII → 400) before anything is forwarded, turns exceptions into
/// problems and gives every bodiless error (ours or a service's) a problem document (a page for a browser's navigation,
/// <see cref="BrowserPages"/>).</summary>
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
            await BrowserPages.WriteErrorAsync(http, exception.StatusCode);
            return;
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            logger.LogError(exception, "Unhandled error at the gateway for {Method} {Path}", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            await BrowserPages.WriteErrorAsync(http, StatusCodes.Status500InternalServerError);
            return;
        }

        if (NeedsProblemBody(http))
            await BrowserPages.WriteErrorAsync(http, http.Response.StatusCode);
    }

    private IResult? Refusal(HttpContext http)
    {
        var request = http.Request;
        if (request.Path.Value is { Length: > 1 } path && path.EndsWith('/'))
            return TrailingSlash(request);

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
            return Problems.Status(StatusCodes.Status413PayloadTooLarge);
        // A body without Content-Length is counted while it streams through; Kestrel stops it at the limit.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        return AsciiHeaders.Refusal(request.Headers);
    }

    /// <summary>The API Design Rules: on an API a trailing slash is a 404, never a redirect. A person who typed
    /// <c>/aanbod/</c> is sent on to <c>/aanbod</c> (an unknown page then answers there).</summary>
    private static IResult TrailingSlash(HttpRequest request)
    {
        if (!BrowserPages.Wanted(request))
            return Problems.NotFound();
        return BrowserPages.WantedForRead(request) && BrowserPages.WithoutTrailingSlash(request) is { } target
            ? Results.Redirect(target, permanent: true)
            : BrowserPages.Error(StatusCodes.Status404NotFound);
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

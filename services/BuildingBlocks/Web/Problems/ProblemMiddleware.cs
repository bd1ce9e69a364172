using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>The outermost piece of our pipeline: refuses what we never accept (bodies over the limit,
/// Accept headers that exclude everything the service produces, trailing slashes), turns exceptions into problems, and gives
/// every error status without a body (404 for an unknown route, 405, 401 from the bearer challenge,
/// 403...) a problem document.</summary>
internal sealed class ProblemMiddleware(RequestDelegate next, IOptions<ApiOptions> options, ServiceDescription service,
    ILogger<ProblemMiddleware> logger)
{
    private readonly MediaTypeHeaderValue[] _alsoProduces = [.. service.AlsoProduces.Select(type => MediaTypeHeaderValue.Parse(type))];

    public async Task InvokeAsync(HttpContext http)
    {
        if (Refusal(http) is { } status)
        {
            await ProblemWriter.WriteAsync(http, status);
            return;
        }
        if (HasJsonBody(http.Request))
            http.Request.EnableBuffering(); // lets a JSON error be re-read to name every bad field

        try
        {
            await next(http);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            return; // the client went away; nobody is left to answer
        }
        catch (Exception exception) when (!http.Response.HasStarted)
        {
            var problem = await ExceptionProblems.MapAsync(http, exception, logger);
            http.Response.Clear();
            await problem.ExecuteAsync(http);
            return;
        }

        var response = http.Response;
        if (response.StatusCode >= 400 && !response.HasStarted && response.ContentLength is null
            && string.IsNullOrEmpty(response.ContentType))
            await ProblemWriter.WriteAsync(http, response.StatusCode);
    }

    private int? Refusal(HttpContext http)
    {
        var request = http.Request;
        // The API Design Rules: a trailing slash is a 404, never a redirect.
        if (request.Path.HasValue && request.Path.Value!.Length > 1 && request.Path.Value.EndsWith('/'))
            return StatusCodes.Status404NotFound;

        var limit = options.Value.MaxRequestBodyBytes;
        if (request.ContentLength > limit)
            return StatusCodes.Status413PayloadTooLarge;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;

        if (!ContentNegotiation.Acceptable(request, _alsoProduces))
            return StatusCodes.Status406NotAcceptable;
        return null;
    }

    private static bool HasJsonBody(HttpRequest request) =>
        (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        && request.HasJsonContentType();
}

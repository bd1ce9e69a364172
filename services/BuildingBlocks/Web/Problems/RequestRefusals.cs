using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Refuses what we never accept before any endpoint runs: bodies over the limit, Accept headers that
/// exclude everything the service produces, JSON in another charset than UTF-8 or under another media type, trailing
/// slashes, a control character in the query string. Buffers a JSON body so a binding error can re-read it
/// to name every bad field.</summary>
internal sealed class RequestRefusals(RequestDelegate next, IOptions<ApiOptions> options, ServiceDescription service)
{
    private readonly MediaTypeHeaderValue[] _alsoProduces = [.. service.AlsoProduces.Select(type => MediaTypeHeaderValue.Parse(type))];

    public Task InvokeAsync(HttpContext http)
    {
        if (Refusal(http) is { } status)
            return ProblemWriter.WriteAsync(http, status);
        if (ControlFreeStringConverter.InQuery(http.Request.Query) is { Count: > 0 } refused)
            return Problems.Validation(refused).ExecuteAsync(http);
        if (HasJsonBody(http.Request))
            http.Request.EnableBuffering();
        return next(http);
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
        if (request.HasJsonContentType() && (!IsPlainJson(request) || !Utf8JsonContent.IsUtf8(request)))
            return StatusCodes.Status415UnsupportedMediaType;
        return null;
    }

    /// <summary>The framework takes any <c>+json</c> type for JSON; we accept only <c>application/json</c>: a client
    /// sending <c>application/merge-patch+json</c> to a PUT means "change these fields", and would replace the whole.</summary>
    private static bool IsPlainJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    private static bool HasJsonBody(HttpRequest request) =>
        (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        && request.HasJsonContentType();
}

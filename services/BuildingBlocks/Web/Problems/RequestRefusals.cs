using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Refuses what we never accept before any endpoint runs: bodies over the limit, Accept headers that
/// exclude everything the service produces, JSON in another charset than UTF-8, trailing slashes, a NUL in the query string. Buffers a JSON body so a binding error can re-read it
/// to name every bad field.</summary>
internal sealed class RequestRefusals(RequestDelegate next, IOptions<ApiOptions> options, ServiceDescription service)
{
    private readonly MediaTypeHeaderValue[] _alsoProduces = [.. service.AlsoProduces.Select(type => MediaTypeHeaderValue.Parse(type))];

    public Task InvokeAsync(HttpContext http)
    {
        if (Refusal(http) is { } status)
            return ProblemWriter.WriteAsync(http, status);
        if (NulFreeStringConverter.InQuery(http.Request.Query) is { Count: > 0 } nul)
            return Problems.Validation(nul).ExecuteAsync(http);
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
        if (request.HasJsonContentType() && !IsUtf8(request))
            return StatusCodes.Status415UnsupportedMediaType;
        return null;
    }

    // JSON between systems is UTF-8 (RFC 8259 §8.1). Refused here for every service alike: the framework's body
    // binding throws on an unknown charset (a 500) and transcodes a known one, JsonRequest reads bytes as UTF-8.
    private static bool IsUtf8(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return true;
        var charset = type.Charset.Value?.Trim('"') ?? "";
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static bool HasJsonBody(HttpRequest request) =>
        (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        && request.HasJsonContentType();
}

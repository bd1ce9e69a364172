using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Puts <c>API-Version</c> and the security headers of the API Design Rules on every
/// response, errors included (set when the response starts, so nothing later can forget them).</summary>
internal sealed class ResponseHeadersMiddleware(RequestDelegate next, ServiceDescription service)
{
    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(static state =>
        {
            var (response, version) = ((HttpResponse, string))state;
            var headers = response.Headers;
            headers[ApiHeaders.ApiVersion] = version;
            if (!headers.ContainsKey("Cache-Control")) headers.CacheControl = "no-store";
            headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        }, (http.Response, service.Version));
        return next(http);
    }
}

/// <summary>Header names our APIs use beyond the standard ones.</summary>
public static class ApiHeaders
{
    public const string ApiVersion = "API-Version";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string TotalCount = "X-Total-Count";
}

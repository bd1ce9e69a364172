using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Gateway.Edge;

/// <summary><c>API-Version</c> and the security headers of the API Design Rules on every response.
/// A service's own values pass unchanged (its <c>API-Version</c> is its own); the gateway fills in what
/// is missing, so even a 503 for a service that is down carries them.</summary>
internal static class EdgeHeaders
{
    /// <summary>API responses: nothing may be loaded or framed from them.</summary>
    public const string ApiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

    /// <summary>The Swagger UI loads its own scripts, styles and images (logo as a data: URL) and the
    /// openapi.json documents from this origin; nothing else.</summary>
    public const string DocsContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    public static void StampOnStart(HttpContext http, string apiVersion) =>
        http.Response.OnStarting(static state =>
        {
            var (context, version) = ((HttpContext, string))state;
            Stamp(context, version);
            return Task.CompletedTask;
        }, (http, apiVersion));

    private static void Stamp(HttpContext http, string apiVersion)
    {
        var headers = http.Response.Headers;
        headers.TryAdd(ApiHeaders.ApiVersion, apiVersion);
        headers.TryAdd("Cache-Control", "no-store");
        headers.TryAdd("Content-Security-Policy", DocsPaths.IsDocs(http.Request.Path) ? DocsContentSecurityPolicy : ApiContentSecurityPolicy);
        headers.TryAdd("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        headers.TryAdd("X-Content-Type-Options", "nosniff");
        headers.TryAdd("X-Frame-Options", "DENY");
        headers.TryAdd("Referrer-Policy", "no-referrer");
    }
}

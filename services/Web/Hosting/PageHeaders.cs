namespace IdoPlatform.Web.Hosting;

/// <summary>The pages' own security headers. The gateway adds its API defaults (CSP <c>default-src 'none'</c>,
/// <c>no-store</c>) only where a service sent none, so the pages must send theirs. Scripts come from this origin only:
/// no inline script, no <c>eval</c> (htmx's <c>hx-on</c> would need it and is not used).</summary>
public sealed class PageHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (!headers.ContainsKey("Cache-Control"))
                headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(http);
    }
}

using IdoPlatform.Web.Finder;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Hosting;

/// <summary>The pages' own security headers. The gateway adds its API defaults (CSP <c>default-src 'none'</c>,
/// <c>no-store</c>) only where a service sent none, so the pages must send theirs. Scripts come from this origin only:
/// no inline script, no <c>eval</c> (htmx's <c>hx-on</c> would need it and is not used). Images may also come from the
/// map's tile server when one is configured (<c>Web:Map:TileUrl</c>).</summary>
public sealed class PageHeaders(RequestDelegate next, IOptions<MapSettings> map)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private readonly string _policy = For(map.Value.TileOrigin);

    /// <summary>The policy, with <paramref name="tileOrigin"/> (when given) added to img-src.</summary>
    public static string For(string? tileOrigin) =>
        tileOrigin is null ? ContentSecurityPolicy : ContentSecurityPolicy.Replace("img-src 'self' data:", $"img-src 'self' data: {tileOrigin}");

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.ContentSecurityPolicy = _policy;
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

using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>CORS with an allowlist of origins from configuration (<c>Api:CorsOrigins</c>), as the API
/// Design Rules recommend; the headers a browser client needs are allowed and exposed.</summary>
internal static class CorsSetup
{
    public static void Configure(CorsOptions cors, string[] origins) =>
        cors.AddDefaultPolicy(policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept,
                HeaderNames.IfMatch, HeaderNames.IfNoneMatch, ApiHeaders.IdempotencyKey, "traceparent")
            .WithExposedHeaders(ApiHeaders.ApiVersion, HeaderNames.ETag, HeaderNames.Location, HeaderNames.Link,
                HeaderNames.RetryAfter, ApiHeaders.TotalCount)
            .SetPreflightMaxAge(TimeSpan.FromHours(1)));
}

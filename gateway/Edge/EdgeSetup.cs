using IdoPlatform.BuildingBlocks.Web;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.Gateway.Edge;

internal static class EdgeSetup
{
    /// <summary>CORS is decided here, at the edge, from <c>Gateway:CorsOrigins</c>; the services behind
    /// never see a browser's <c>Origin</c> (the proxy removes it), so only one policy answers.</summary>
    public static IServiceCollection AddGatewayEdge(this IServiceCollection services, GatewayOptions options)
    {
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy
            .WithOrigins(options.CorsOrigins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders(HeaderNames.Authorization, HeaderNames.ContentType, HeaderNames.Accept,
                HeaderNames.IfMatch, HeaderNames.IfNoneMatch, ApiHeaders.IdempotencyKey, "traceparent", "tracestate")
            .WithExposedHeaders(ApiHeaders.ApiVersion, HeaderNames.ETag, HeaderNames.Location, HeaderNames.Link,
                HeaderNames.RetryAfter, ApiHeaders.TotalCount)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        return services;
    }

    /// <summary>Anything no route claims is a 404 problem, for callers with or without a token; a browser gets a page,
    /// and at <c>/</c> the public start page.</summary>
    public static void MapNotFoundFallback(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapFallback("{**path}", (HttpContext http) =>
                http.Request.Path == "/" && BrowserPages.WantedForRead(http.Request)
                    ? Results.Redirect(BrowserPages.StartPage)
                    : BrowserPages.Error(StatusCodes.Status404NotFound))
            .AllowAnonymous();
}

using System.Globalization;
using System.Threading.RateLimiting;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Gateway.Edge;
using Microsoft.AspNetCore.RateLimiting;

namespace IdoPlatform.Gateway.RateLimiting;

/// <summary>ASP.NET Core's limiter with two fixed windows chained: one per account (the token's
/// <c>sub</c>) and one per client address. A request must fit in both; the first that is full answers 429
/// with <c>Retry-After</c> (the window's length: a fixed-window lease does not say how much of it is left, so a
/// client may wait longer than needed, never too short); a browser's navigation gets a page. Health probes and the
/// docs page are not counted, so an orchestrator never sees a 429. The OpenAPI documents the page loads are: each
/// is served by a service.</summary>
internal static class RateLimitSetup
{
    public static IServiceCollection AddGatewayRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = WriteTooManyRequestsAsync;
            if (options.Enabled)
                limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(PerAccount(options.PerAccount), PerClientAddress(options.PerClientAddress));
        });
        return services;
    }

    private static PartitionedRateLimiter<HttpContext> PerAccount(WindowLimit limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            SubjectOf(http) is { } subject && !IsExempt(http)
                ? RateLimitPartition.GetFixedWindowLimiter("account:" + subject, _ => Window(limit))
                : RateLimitPartition.GetNoLimiter("none"));

    private static PartitionedRateLimiter<HttpContext> PerClientAddress(WindowLimit limit) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            IsExempt(http)
                ? RateLimitPartition.GetNoLimiter("none")
                : RateLimitPartition.GetFixedWindowLimiter("address:" + (http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), _ => Window(limit)));

    private static FixedWindowRateLimiterOptions Window(WindowLimit limit) => new()
    {
        PermitLimit = limit.PermitLimit,
        Window = limit.Window,
        QueueLimit = 0, // refuse at once: a queued request only makes the client's wait longer
        AutoReplenishment = true,
    };

    private static string? SubjectOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true ? http.User.FindFirst(PlatformClaims.Subject)?.Value : null;

    private static bool IsExempt(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/health") || DocsPaths.IsDocs(http.Request.Path);

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancel)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await BrowserPages.WriteErrorAsync(http, StatusCodes.Status429TooManyRequests);
    }
}

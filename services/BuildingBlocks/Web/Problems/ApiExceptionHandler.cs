using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>ASP.NET Core's exception handler asks this one first: every exception becomes the problem
/// <see cref="ExceptionProblems"/> maps it to (a 4xx naming the cause when a client caused it, else a bare 500),
/// logged at the level that problem deserves.</summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        // The handler middleware clears the endpoint and route values; naming the bad parameters needs them back.
        if (http.Features.Get<IExceptionHandlerFeature>() is { } failed)
        {
            http.SetEndpoint(failed.Endpoint);
            if (failed.RouteValues is { } routeValues) http.Request.RouteValues = routeValues;
        }
        var problem = await ExceptionProblems.MapAsync(http, exception, logger);
        await problem.ExecuteAsync(http);
        return true;
    }
}

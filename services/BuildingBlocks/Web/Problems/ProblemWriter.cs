using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Writes a problem document whatever the client's Accept header says: an error must always
/// be readable, and application/problem+json is the only error format we have.</summary>
public static class ProblemWriter
{
    public const string ContentType = "application/problem+json";

    public static async Task WriteAsync(HttpContext http, ProblemDetails problem)
    {
        problem.Instance ??= http.Request.Path.Value;
        problem.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;

        http.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        http.Response.ContentType = ContentType;
        var options = http.RequestServices.GetService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>()?.Value.SerializerOptions ?? DefaultOptions;
        await JsonSerializer.SerializeAsync(http.Response.Body, problem, options, http.RequestAborted);
    }

    public static Task WriteAsync(HttpContext http, int status, string? detail = null) =>
        WriteAsync(http, Problems.Create(status, detail));

    private static readonly JsonSerializerOptions DefaultOptions = ApiJson.CreateOptions();
}

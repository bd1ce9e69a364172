using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>An endpoint result that writes a problem document (application/problem+json), with
/// optional extra headers such as Retry-After.</summary>
public sealed class ProblemResult(ProblemDetails problem) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult,
    IValueHttpResult, IValueHttpResult<ProblemDetails>
{
    private readonly Dictionary<string, string> _headers = new(StringComparer.OrdinalIgnoreCase);

    public ProblemDetails Problem { get; } = problem;
    public int StatusCode => Problem.Status ?? StatusCodes.Status500InternalServerError;
    int? IStatusCodeHttpResult.StatusCode => StatusCode;
    public string ContentType => ProblemWriter.ContentType;
    object? IValueHttpResult.Value => Problem;
    ProblemDetails? IValueHttpResult<ProblemDetails>.Value => Problem;

    public ProblemResult WithHeader(string name, string value)
    {
        _headers[name] = value;
        return this;
    }

    public ProblemResult WithRetryAfter(TimeSpan wait) =>
        WithHeader("Retry-After", Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    public Task ExecuteAsync(HttpContext httpContext)
    {
        foreach (var (name, value) in _headers)
            httpContext.Response.Headers[name] = value;
        return ProblemWriter.WriteAsync(httpContext, Problem);
    }
}

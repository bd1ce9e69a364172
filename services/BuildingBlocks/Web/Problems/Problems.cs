using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Every error response of our APIs: RFC 9457 problem details with status, a Dutch title
/// and a detail. Return these from endpoints; the middleware uses the same shapes.</summary>
public static class Problems
{
    public static ProblemResult Validation(IReadOnlyList<InvalidParam> invalidParams, string? detail = null)
    {
        var problem = Create(StatusCodes.Status400BadRequest,
            detail ?? (invalidParams.Count == 1 ? "De invoer bevat 1 fout." : $"De invoer bevat {invalidParams.Count} fouten."));
        problem.Extensions["invalidParams"] = invalidParams;
        return new ProblemResult(problem);
    }

    public static ProblemResult InvalidParam(string name, string code, string reason) =>
        Validation([new InvalidParam(name, code, reason)]);

    public static ProblemResult BadRequest(string detail) => Status(StatusCodes.Status400BadRequest, detail);
    public static ProblemResult Unauthorized(string? detail = null) => Status(StatusCodes.Status401Unauthorized, detail);
    public static ProblemResult Forbidden(string? detail = null) => Status(StatusCodes.Status403Forbidden, detail);
    public static ProblemResult NotFound(string? detail = null) => Status(StatusCodes.Status404NotFound, detail);
    public static ProblemResult Conflict(string? detail = null) => Status(StatusCodes.Status409Conflict, detail);

    /// <summary>412: the <c>If-Match</c> version is no longer the current one.</summary>
    public static ProblemResult PreconditionFailed(string? detail = null) => Status(StatusCodes.Status412PreconditionFailed, detail);

    /// <summary>428: this change needs an <c>If-Match</c> header and none was sent.</summary>
    public static ProblemResult PreconditionRequired(string? detail = null) => Status(StatusCodes.Status428PreconditionRequired, detail);

    public static ProblemResult UnprocessableContent(string detail) => Status(StatusCodes.Status422UnprocessableEntity, detail);

    public static ProblemResult TooManyRequests(TimeSpan retryAfter, string? detail = null) =>
        Status(StatusCodes.Status429TooManyRequests, detail).WithRetryAfter(retryAfter);

    public static ProblemResult ServiceUnavailable(TimeSpan? retryAfter = null, string? detail = null)
    {
        var result = Status(StatusCodes.Status503ServiceUnavailable, detail);
        return retryAfter is { } wait ? result.WithRetryAfter(wait) : result;
    }

    /// <summary>Any status with our title and default detail.</summary>
    public static ProblemResult Status(int status, string? detail = null) => new(Create(status, detail));

    /// <summary>The problem document itself, for code that writes it directly.</summary>
    public static ProblemDetails Create(int status, string? detail = null) => new()
    {
        Type = "about:blank",
        Status = status,
        Title = ProblemTexts.Title(status),
        Detail = detail ?? ProblemTexts.Detail(status),
    };
}

using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>The writer behind ASP.NET Core's problem details service (status code pages, the exception handler's
/// fallback): our Dutch texts, and application/problem+json whatever the Accept header says — an error must always be
/// readable. Registered before the framework's own writer, which would give up on such an Accept.</summary>
internal sealed class ProblemJsonWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => true;

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var status = context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode;
        return new ValueTask(ProblemWriter.WriteAsync(context.HttpContext, Problems.Create(status, context.ProblemDetails.Detail)));
    }
}

using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Makes the paths relative to the server URL, which carries the base path with the major
/// version (<c>/registrations/v1</c>), as the API Design Rules want; and drops the framework's own
/// problem schemas that our problem schema replaced.</summary>
internal sealed class ApiConventionsDocumentFilter(ServiceDescription service, IOptions<ApiOptions> options) : IDocumentFilter
{
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var publicUrl = options.Value.PublicUrl?.TrimEnd('/') ?? "";
        document.Servers = [new OpenApiServer { Url = publicUrl + service.BasePath, Description = service.Title }];

        var paths = new OpenApiPaths();
        foreach (var (path, item) in document.Paths)
        {
            var relative = path.StartsWith(service.BasePath + "/", StringComparison.Ordinal) ? path[service.BasePath.Length..]
                : path == service.BasePath ? "/" : path;
            paths[relative] = item;
        }
        document.Paths = paths;

        document.Components?.Schemas?.Remove("ProblemDetails");
        document.Components?.Schemas?.Remove("HttpValidationProblemDetails");
    }
}

using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>An operation's id is its endpoint name (<c>.WithName("registerVisit")</c>) when it has
/// one, otherwise derived from method and path: <c>GET /visits/{id}/questions</c> →
/// <c>getVisitsByIdQuestions</c>.</summary>
internal static class OperationIds
{
    public static string? For(ApiDescription api, string basePath)
    {
        var name = api.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        if (name is not null) return name;

        var id = new StringBuilder((api.HttpMethod ?? "get").ToLowerInvariant());
        var path = "/" + (api.RelativePath ?? "");
        if (path.StartsWith(basePath, StringComparison.Ordinal)) path = path[basePath.Length..];
        foreach (var segment in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith('{'))
                id.Append("By").Append(Pascal(segment.Trim('{', '}').Split(':')[0]));
            else
                id.Append(string.Concat(segment.Split('-', '.', '_').Select(Pascal)));
        }
        return id.ToString();
    }

    private static string Pascal(string word) =>
        word.Length == 0 ? word : char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..];
}

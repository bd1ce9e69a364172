using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Builds the RFC 8288 <c>Link</c> header for a page. The links are relative references
/// (path and query) so they stay right behind the gateway; every other query parameter is kept.</summary>
internal static class PageLinks
{
    private static readonly string[] PagingParameters = ["page", "pageSize", KeysetPageRequest.CursorParameter];

    public static string Build(HttpRequest request, PageRequest current, int lastPage)
    {
        var links = new List<string> { Link(request, 1, current.PageSize, "first") };
        if (current.Page > 1) links.Add(Link(request, Math.Min(current.Page - 1, lastPage), current.PageSize, "prev"));
        if (current.Page < lastPage) links.Add(Link(request, current.Page + 1, current.PageSize, "next"));
        links.Add(Link(request, lastPage, current.PageSize, "last"));
        return string.Join(", ", links);
    }

    /// <summary>This request's path and query with the paging parameters replaced by <paramref name="paging"/>.</summary>
    public static string Relative(HttpRequest request, params (string Key, string Value)[] paging)
    {
        var query = new QueryBuilder(request.Query
            .Where(q => !PagingParameters.Contains(q.Key))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))));
        foreach (var (key, value) in paging) query.Add(key, value);
        return $"{request.PathBase}{request.Path}{query}";
    }

    private static string Link(HttpRequest request, int page, int pageSize, string relation) =>
        $"<{Relative(request, ("page", page.ToString(CultureInfo.InvariantCulture)), ("pageSize", pageSize.ToString(CultureInfo.InvariantCulture)))}>; rel=\"{relation}\"";
}

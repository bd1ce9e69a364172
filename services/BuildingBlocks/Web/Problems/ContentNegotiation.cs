using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>We produce JSON (and problem+json), plus what a service declares in
/// <see cref="ServiceDescription.AlsoProduces"/>: an Accept header that rules all of them out gets 406.</summary>
internal static class ContentNegotiation
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue ProblemJson = new("application/problem+json");

    public static bool Acceptable(HttpRequest request, IReadOnlyList<MediaTypeHeaderValue> alsoProduces)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0) return true;
        if (!MediaTypeHeaderValue.TryParseList(accept, out var ranges) || ranges.Count == 0) return true;
        return ranges.Any(range => range.Quality is not 0
            && (Json.IsSubsetOf(range) || ProblemJson.IsSubsetOf(range)
                || alsoProduces.Any(type => type.IsSubsetOf(range))));
    }
}

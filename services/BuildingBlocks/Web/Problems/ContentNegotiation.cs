using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>We produce JSON (and problem+json), plus what a service declares in
/// <see cref="ServiceDescription.AlsoProduces"/>: an Accept header that rules all of them out gets 406.</summary>
internal static class ContentNegotiation
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue ProblemJson = new("application/problem+json");

    /// <summary>As <see cref="Acceptable"/> for the endpoint's own success media types when it declares them:
    /// <see cref="ServiceDescription.AlsoProduces"/> is service-wide (monitoring's reports answer CSV too), so a
    /// JSON-only endpoint of that service would otherwise answer JSON to a request that asks only for CSV.</summary>
    public static bool AcceptableForEndpoint(HttpContext http)
    {
        // Most requests name no Accept: then nothing is read, and each endpoint's types are parsed once, not per request.
        if (http.Request.Headers.Accept.Count == 0 || http.GetEndpoint() is not { } endpoint) return true;
        var declared = Declared.GetValue(endpoint, SuccessTypes);
        return declared.Length == 0 || Acceptable(http.Request, declared);
    }

    private static readonly ConditionalWeakTable<Endpoint, MediaTypeHeaderValue[]> Declared = new();

    private static MediaTypeHeaderValue[] SuccessTypes(Endpoint endpoint) =>
    [
        .. endpoint.Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>()
            .Where(p => p.StatusCode is >= 200 and < 300).SelectMany(p => p.ContentTypes).Select(type => MediaTypeHeaderValue.Parse(type)),
    ];

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

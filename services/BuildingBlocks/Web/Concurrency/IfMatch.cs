using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>The <c>If-Match</c> header of a change: either <c>*</c> (any current version) or the
/// stream versions the client last saw.
/// <code>
/// if (!IfMatch.TryRead(http.Request, out var ifMatch, out var problem)) return problem; // 428 or 400
/// var current = await store.FetchStream(id);                // ...
/// if (!ifMatch.Matches(currentVersion)) return Problems.PreconditionFailed();
/// await store.Append(id, currentVersion, events);           // a race still ends in 412
/// </code></summary>
public sealed record IfMatch(bool IsAny, IReadOnlyList<long> Versions)
{
    public bool Matches(long currentVersion) => IsAny || Versions.Contains(currentVersion);

    /// <summary>Reads a required If-Match: missing → 428, unreadable → 400 naming the header.</summary>
    public static bool TryRead(HttpRequest request, [NotNullWhen(true)] out IfMatch? ifMatch, [NotNullWhen(false)] out ProblemResult? problem)
    {
        ifMatch = null;
        problem = null;
        var header = request.Headers.IfMatch;
        if (header.Count == 0)
        {
            problem = Problems.PreconditionRequired();
            return false;
        }
        ifMatch = Parse(header.ToString());
        if (ifMatch is null)
            problem = Problems.InvalidParam(HeaderNames.IfMatch, InvalidParamCodes.Invalid,
                "Verwacht de ETag van de resource, bijvoorbeeld \"3\", of *.");
        return ifMatch is not null;
    }

    /// <summary>Reads an optional If-Match (for one-way steps such as voiding or cancelling): missing → null,
    /// unreadable → 400 naming the header.</summary>
    public static bool TryReadOptional(HttpRequest request, out IfMatch? ifMatch, [NotNullWhen(false)] out ProblemResult? problem)
    {
        ifMatch = null;
        problem = null;
        return request.Headers.IfMatch.Count == 0 || TryRead(request, out ifMatch, out problem);
    }

    /// <summary>Parses <c>*</c> or a list of <c>"n"</c> / <c>W/"n"</c>; null when unreadable.</summary>
    public static IfMatch? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Trim() == "*") return new IfMatch(true, []);
        if (!EntityTagHeaderValue.TryParseStrictList([value], out var tags) || tags.Count == 0) return null;

        var versions = new List<long>();
        foreach (var tag in tags)
        {
            var inner = tag.Tag.Value?.Trim('"');
            if (!long.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var version)) return null;
            // Tags compare as strings: "03" is not a tag we gave out, so it names no version (412, not version 3).
            if (inner == version.ToString(CultureInfo.InvariantCulture)) versions.Add(version);
        }
        return new IfMatch(false, versions);
    }
}

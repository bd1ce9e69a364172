using System.Text.Json;
using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Gateway.DemoTokens;

/// <summary>Reads a small JSON body, or gives the problem to answer instead: not JSON in UTF-8 (RFC 8259 allows no
/// other charset) → 415; malformed → 400; a field given twice → 400 naming it. A repeated field would otherwise
/// be read as either value (or, by <see cref="JsonObject"/>, throw), so it is refused rather than guessed.</summary>
internal static class StrictJsonBody
{
    public static async Task<(JsonNode? Body, ProblemResult? Problem)> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType() || !Utf8JsonContent.IsUtf8(http.Request))
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Stuur de inhoud als application/json in UTF-8."));

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        try
        {
            return (JsonNode.Parse(json.Span, documentOptions: JsonBodyErrors.ParseOptions), null);
        }
        catch (JsonException)
        {
            return (null, RepeatedName(json) is { } name
                ? Problems.InvalidParam(name, InvalidParamCodes.Duplicate, "Dit veld komt meer dan eens voor.")
                : Problems.InvalidParam("", InvalidParamCodes.Invalid, "De inhoud is geen geldige JSON."));
        }
    }

    /// <summary>The path of the first field given twice; null when the body is malformed for another reason.
    /// The error path only: <see cref="JsonDocument"/> keeps repeated fields, so they can be found.</summary>
    private static string? RepeatedName(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return RepeatedName(document.RootElement, "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? RepeatedName(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
                if (RepeatedName(item, $"{path}[{index++}]") is { } inner) return inner;
        }
        if (element.ValueKind != JsonValueKind.Object) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
            if (!seen.Add(property.Name)) return name;
            if (RepeatedName(property.Value, name) is { } inner) return inner;
        }
        return null;
    }
}

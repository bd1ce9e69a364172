using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Parses a request body for the walk in <see cref="JsonBodyErrors"/>, or gives the 400 to answer instead.</summary>
public static class JsonBody
{
    /// <summary>A duplicated property is malformed (a <see cref="JsonObject"/> parsed with duplicates throws an
    /// ArgumentException when enumerated).</summary>
    private static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false };

    /// <summary>The body, or the problem: malformed JSON, a field given twice (named: which of the two would count is
    /// anyone's guess, so neither does), or a property name that is no valid text.</summary>
    public static (JsonNode? Body, ProblemResult? Problem) Parse(ReadOnlyMemory<byte> json)
    {
        // Checked first: such a name (bad UTF-8, a lone surrogate "\ud800") parses, and throws an
        // InvalidOperationException only when read, deep in a walk or in the exception handler itself.
        if (InvalidPropertyName(json.Span) is { } invalid)
            return (null, ExceptionProblems.Malformed(invalid));
        try
        {
            return (JsonNode.Parse(json.Span, documentOptions: ParseOptions), null);
        }
        catch (JsonException failure)
        {
            return (null, RepeatedField(json) is { } name
                ? Problems.InvalidParam(name, InvalidParamCodes.Duplicate, "Dit veld komt meer dan eens voor.")
                : ExceptionProblems.Malformed(failure));
        }
    }

    /// <summary>Where the first property name that cannot be read as text starts; null when there is none, or when the
    /// body is malformed before it (then parsing says so).</summary>
    private static JsonException? InvalidPropertyName(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.PropertyName && !IsText(ref reader))
                {
                    var before = json[..(int)reader.TokenStartIndex];
                    var line = before.Count((byte)'\n');
                    var position = before.Length - (before.LastIndexOf((byte)'\n') + 1);
                    return new JsonException("A property name is no valid UTF-8 or UTF-16.", null, line, position);
                }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static bool IsText(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The path of the first field given twice; null when the body is malformed for another reason.
    /// Only on the error path: <see cref="JsonDocument"/> keeps repeated fields, so they can be found.</summary>
    private static string? RepeatedField(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return RepeatedField(document.RootElement, "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? RepeatedField(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
                if (RepeatedField(item, $"{path}[{index++}]") is { } inner) return inner;
        }
        if (element.ValueKind != JsonValueKind.Object) return null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            var name = JsonBodyErrors.Join(path, property.Name);
            if (!seen.Add(property.Name)) return name;
            if (RepeatedField(property.Value, name) is { } inner) return inner;
        }
        return null;
    }
}

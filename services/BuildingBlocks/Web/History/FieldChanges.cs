using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>One field an event changed, named by its path in the resource's JSON ("address.street",
/// "openingHours[0].opens"). Values are text; a list of plain values is joined with commas.</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>What changed between two states of a resource, for the history endpoints.</summary>
public static class FieldChanges
{
    private static readonly JsonSerializerOptions Json = ApiJson.CreateOptions();

    /// <summary>Every field whose value differs, in <paramref name="after"/>'s order, then those that are gone.</summary>
    public static IReadOnlyList<FieldChange> Between(IEnumerable<(string Field, string? Value)> before,
        IEnumerable<(string Field, string? Value)> after)
    {
        var old = before.ToDictionary(f => f.Field, f => f.Value);
        var changes = new List<FieldChange>();
        var seen = new HashSet<string>();
        foreach (var (field, value) in after)
        {
            seen.Add(field);
            var previous = old.GetValueOrDefault(field);
            if (previous != value) changes.Add(new FieldChange(field, previous, value));
        }
        foreach (var (field, value) in old)
            if (!seen.Contains(field) && value is not null) changes.Add(new FieldChange(field, value, null));
        return changes;
    }

    /// <summary>The fields of a resource as its API writes it: nested objects by dotted path, lists of objects by index,
    /// a list of plain values as one field (null when empty).</summary>
    public static IEnumerable<(string Field, string? Value)> Leaves(object? resource) =>
        resource is null ? [] : Leaves("", JsonSerializer.SerializeToNode(resource, resource.GetType(), Json));

    private static IEnumerable<(string Field, string? Value)> Leaves(string path, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject fields:
                foreach (var (name, value) in fields)
                foreach (var leaf in Leaves(path.Length == 0 ? name : $"{path}.{name}", value))
                    yield return leaf;
                break;
            case JsonArray items when items.Any(i => i is JsonObject or JsonArray):
                for (var i = 0; i < items.Count; i++)
                foreach (var leaf in Leaves($"{path}[{i}]", items[i]))
                    yield return leaf;
                break;
            case JsonArray values:
                yield return (path, values.Count == 0 ? null : string.Join(",", values.Select(Text)));
                break;
            default:
                yield return (path, Text(node));
                break;
        }
    }

    private static string? Text(JsonNode? value) => value switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(),
    };
}

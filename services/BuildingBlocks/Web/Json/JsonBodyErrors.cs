using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>System.Text.Json stops at the first problem in a body. To name every bad field at once,
/// this walks the body again against the target type's serialization contract and collects each
/// unknown property, missing required property, null where none is allowed, and value of the wrong
/// type or format, with its JSON path (<c>questions[2].topic</c>).</summary>
public static class JsonBodyErrors
{
    public static IReadOnlyList<InvalidParam> Find(JsonNode? body, Type targetType, JsonSerializerOptions options)
    {
        var errors = new List<InvalidParam>();
        if (body is null)
            errors.Add(new InvalidParam("", InvalidParamCodes.Required, "De inhoud mag niet null zijn."));
        else
            Inspect(body, options.GetTypeInfo(targetType), "", options, errors);
        return errors;
    }

    private static void Inspect(JsonNode node, JsonTypeInfo contract, string path, JsonSerializerOptions options, List<InvalidParam> errors)
    {
        switch (contract.Kind)
        {
            case JsonTypeInfoKind.Object:
                InspectObject(node, contract, path, options, errors);
                break;
            case JsonTypeInfoKind.Enumerable when node is JsonArray array:
                var element = options.GetTypeInfo(contract.ElementType!);
                for (var i = 0; i < array.Count; i++)
                    InspectValue(array[i], element, AllowsNull(contract.ElementType!), $"{path}[{i}]", options, errors);
                break;
            case JsonTypeInfoKind.Enumerable:
                errors.Add(new InvalidParam(path, InvalidParamCodes.Invalid, "Verwacht een lijst."));
                break;
            case JsonTypeInfoKind.Dictionary when node is JsonObject map:
                var value = options.GetTypeInfo(contract.ElementType!);
                foreach (var (key, item) in map)
                    if (ControlFreeStringConverter.HasControl(key)) errors.Add(ControlFreeStringConverter.Error(Join(path, key)));
                    else InspectValue(item, value, AllowsNull(contract.ElementType!), Join(path, key), options, errors);
                break;
            default:
                InspectLeaf(node, contract.Type, path, options, errors);
                break;
        }
    }

    private static void InspectObject(JsonNode node, JsonTypeInfo contract, string path, JsonSerializerOptions options, List<InvalidParam> errors)
    {
        if (node is not JsonObject json)
        {
            errors.Add(new InvalidParam(path, InvalidParamCodes.Invalid, "Verwacht een object."));
            return;
        }

        var comparer = options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        var properties = contract.Properties.Where(p => p.Get is not null || p.Set is not null || p.AssociatedParameter is not null)
            .GroupBy(p => p.Name, comparer).ToDictionary(g => g.Key, g => g.First(), comparer);
        var acceptsUnknown = contract.Properties.Any(p => p.IsExtensionData)
            || (contract.UnmappedMemberHandling ?? options.UnmappedMemberHandling) == JsonUnmappedMemberHandling.Skip;

        var seen = new HashSet<string>(comparer);
        foreach (var (key, value) in json)
        {
            if (!properties.TryGetValue(key, out var property))
            {
                if (!acceptsUnknown)
                    errors.Add(new InvalidParam(Join(path, key), InvalidParamCodes.Unknown, "Onbekend veld."));
                continue;
            }
            seen.Add(property.Name);
            var name = Join(path, property.Name);
            InspectValue(value, options.GetTypeInfo(property.PropertyType), PropertyAllowsNull(property, options), name, options, errors);
            if (value is JsonArray list && NullElementGuard.HasNonNullableElements(property))
                for (var i = 0; i < list.Count; i++)
                    if (list[i] is null)
                        errors.Add(new InvalidParam($"{name}[{i}]", InvalidParamCodes.Required, "Verplicht: mag niet null zijn."));
        }

        foreach (var property in properties.Values)
            if (!seen.Contains(property.Name) && IsRequired(property, options))
                errors.Add(new InvalidParam(Join(path, property.Name), InvalidParamCodes.Required, "Verplicht veld."));
    }

    private static void InspectValue(JsonNode? value, JsonTypeInfo contract, bool allowsNull, string path,
        JsonSerializerOptions options, List<InvalidParam> errors)
    {
        if (value is null)
        {
            if (!allowsNull)
                errors.Add(new InvalidParam(path, InvalidParamCodes.Required, "Verplicht veld: mag niet null zijn."));
            return;
        }
        Inspect(value, contract, path, options, errors);
    }

    private static void InspectLeaf(JsonNode node, Type type, string path, JsonSerializerOptions options, List<InvalidParam> errors)
    {
        try
        {
            // Inside the try: reading a string with a lone surrogate (\udfff) throws InvalidOperationException.
            if (node is JsonValue text && text.TryGetValue<string>(out var value) && ControlFreeStringConverter.HasControl(value))
            {
                errors.Add(ControlFreeStringConverter.Error(path));
                return;
            }
            node.Deserialize(type, options);
        }
        catch (JsonException)
        {
            errors.Add(new InvalidParam(path, InvalidParamCodes.Invalid, ReasonFor(type)));
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            errors.Add(new InvalidParam(path, InvalidParamCodes.Invalid, ReasonFor(type)));
        }
    }

    /// <summary>A Dutch reason for a value that does not fit its type.</summary>
    public static string ReasonFor(Type type) => ReasonFor(type, JsonNamingPolicy.CamelCase);

    /// <summary>As <see cref="ReasonFor(Type)"/>, naming enum values by <paramref name="enumNaming"/>
    /// (null: their C# names, which is how minimal APIs bind them from a query string).</summary>
    public static string ReasonFor(Type type, JsonNamingPolicy? enumNaming)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            return "Onbekende waarde; toegestaan: "
                + string.Join(", ", Enum.GetNames(type).Select(n => enumNaming?.ConvertName(n) ?? n)) + ".";
        if (type == typeof(Guid)) return "Geen geldige UUID.";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return IsoInstant.Reason;
        if (type == typeof(DateOnly)) return "Geen geldige datum: gebruik JJJJ-MM-DD, tussen 1900-01-01 en 2999-12-31.";
        if (type == typeof(TimeOnly)) return "Geen geldige tijd: gebruik UU:MM of UU:MM:SS.";
        if (type == typeof(bool)) return "Verwacht true of false.";
        if (type == typeof(string)) return "Verwacht tekst.";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(byte))
            return "Verwacht een geheel getal.";
        if (type == typeof(decimal) || type == typeof(double) || type == typeof(float)) return "Verwacht een getal.";
        return "Ongeldige waarde.";
    }

    private static bool IsRequired(JsonPropertyInfo property, JsonSerializerOptions options) =>
        property.IsRequired
        || (options.RespectRequiredConstructorParameters
            && property.AssociatedParameter is { HasDefaultValue: false, IsMemberInitializer: false });


    private static bool PropertyAllowsNull(JsonPropertyInfo property, JsonSerializerOptions options)
    {
        if (!AllowsNull(property.PropertyType)) return false;
        if (!options.RespectNullableAnnotations) return true;
        return property.AssociatedParameter?.IsNullable ?? property.IsSetNullable;
    }

    private static bool AllowsNull(Type type) => !type.IsValueType || Nullable.GetUnderlyingType(type) is not null;

    internal static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}

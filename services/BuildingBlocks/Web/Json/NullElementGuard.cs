using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>System.Text.Json honours nullable annotations on properties but not on list elements:
/// <c>"items": [null]</c> would reach a handler as a null inside <c>IReadOnlyList&lt;Item&gt;</c> and crash
/// it. This contract modifier refuses such a body (a 400 naming <c>items[0]</c>).</summary>
internal static class NullElementGuard
{
    public static void Apply(JsonTypeInfo contract)
    {
        if (contract.Kind != JsonTypeInfoKind.Object) return;
        var guarded = contract.Properties.Where(p => p.Get is not null && HasNonNullableElements(p)).ToList();
        if (guarded.Count == 0) return;

        var previous = contract.OnDeserialized;
        contract.OnDeserialized = value =>
        {
            foreach (var property in guarded)
                if (property.Get!(value) is IEnumerable items && items.Cast<object?>().Any(item => item is null))
                    throw new JsonException($"The list '{property.Name}' may not contain null.");
            previous?.Invoke(value);
        };
    }

    private static readonly ConditionalWeakTable<JsonPropertyInfo, object> Known = new();

    /// <summary>A list property whose element type is a reference type declared non-nullable (reading nullability
    /// is reflection, so the answer is kept per property).</summary>
    internal static bool HasNonNullableElements(JsonPropertyInfo property) =>
        (bool)Known.GetValue(property, p => Read(p));

    private static bool Read(JsonPropertyInfo property)
    {
        var type = property.PropertyType;
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type) || typeof(IDictionary).IsAssignableFrom(type))
            return false;
        var nullability = property.AttributeProvider switch
        {
            PropertyInfo p => new NullabilityInfoContext().Create(p),
            FieldInfo f => new NullabilityInfoContext().Create(f),
            _ => null,
        };
        var element = nullability switch
        {
            { ElementType: { } arrayElement } => arrayElement,
            { GenericTypeArguments.Length: 1 } generic => generic.GenericTypeArguments[0],
            _ => null,
        };
        return element is { Type.IsValueType: false, ReadState: NullabilityState.NotNull };
    }
}

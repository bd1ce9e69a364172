using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>The one JSON dialect of our APIs: System.Text.Json web defaults (camelCase,
/// case-insensitive reading), enums as camelCase strings, unknown properties refused, nullable and
/// required annotations respected (so a missing or null field is a 400, never a null inside the
/// handler), instants read with an explicit offset and written in UTC.
/// A constructor parameter (a record's positional property) is required when it is not nullable and
/// has no default value; a nullable one may be left out.</summary>
public static class ApiJson
{
    /// <summary>Applies the dialect to options the framework created (minimal APIs, Swashbuckle).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.AllowDuplicateProperties = false; // which of two "channel"s would count is anyone's guess: a 400
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(RequireNonNullableParameters)
            .WithAddedModifier(NullElementGuard.Apply);
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
        options.Converters.Add(new UtcDateTimeConverter());
        options.Converters.Add(new ControlFreeStringConverter());
        options.Converters.Add(new BoundedDateOnlyConverter());
    }

    // System.Text.Json's own switch (RespectRequiredConstructorParameters) would also demand the
    // nullable parameters, making clients send "remark": null for every optional field.
    private static void RequireNonNullableParameters(JsonTypeInfo contract)
    {
        if (contract.Kind != JsonTypeInfoKind.Object || contract.Type.IsDefined(typeof(CompilerGeneratedAttribute), false))
            return; // anonymous types are only ever written
        foreach (var property in contract.Properties)
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false, IsMemberInitializer: false })
                property.IsRequired = true;
    }

    /// <summary>A fresh options instance in the dialect, for code outside the HTTP pipeline (tests,
    /// clients of our own APIs).</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}

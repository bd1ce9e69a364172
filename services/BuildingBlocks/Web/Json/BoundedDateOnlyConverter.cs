using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Reads a date (<c>2026-03-01</c>) as System.Text.Json does, and refuses one outside <see cref="ApiDates"/>'
/// years, so no body date can overflow a schedule or a Dutch-day conversion later.</summary>
public sealed class BoundedDateOnlyConverter : JsonConverter<DateOnly>
{
    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String
        && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
        && ApiDates.InRange(day)
            ? day
            : throw new JsonException("A date is yyyy-MM-dd within the accepted years.");

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
}

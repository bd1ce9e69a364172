using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Reads an ISO 8601 instant that states its offset (any offset) and writes it in UTC with
/// a <c>Z</c>, as the API Design Rules ask. An instant without an offset is ambiguous and refused.</summary>
public sealed class UtcDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    internal const string UtcFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IsoInstant.Read(ref reader).ToUniversalTime();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(UtcFormat, CultureInfo.InvariantCulture));
}

/// <summary>The same rule for <see cref="DateTime"/>: read into UTC, written in UTC. A value of
/// unspecified kind is taken to be UTC already (our code only makes UTC instants).</summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        IsoInstant.Read(ref reader).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
            _ => value,
        };
        writer.WriteStringValue(utc.ToString(UtcDateTimeOffsetConverter.UtcFormat, CultureInfo.InvariantCulture));
    }
}

internal static class IsoInstant
{
    public const string Reason = "Geen geldig tijdstip: gebruik ISO 8601 met tijdzone, bijvoorbeeld 2026-03-01T09:30:00Z.";

    public static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException(Reason);
        var text = reader.GetString()!;
        if (!HasOffset(text) || !reader.TryGetDateTimeOffset(out var value))
            throw new JsonException(Reason);
        return value;
    }

    // The time part must end in Z or ±hh:mm; a bare local time could mean anything.
    private static bool HasOffset(string text)
    {
        var t = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        if (t < 0) return false;
        var time = text.AsSpan(t + 1);
        return time.EndsWith("Z", StringComparison.OrdinalIgnoreCase) || time.LastIndexOfAny('+', '-') > 0;
    }
}

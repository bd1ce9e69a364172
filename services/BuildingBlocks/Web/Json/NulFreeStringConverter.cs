using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>PostgreSQL cannot store U+0000 in text or jsonb (22021, 22P05): a NUL in client text would be a 500
/// at the database, and such a failed statement has left a pooled connection unusable for other requests. So no
/// string with a NUL gets past the edge: this converter fails a body that holds one (the walk in
/// <see cref="JsonBodyErrors"/> then names the field), and <see cref="InQuery"/> checks the query string.</summary>
public sealed class NulFreeStringConverter : JsonConverter<string>
{
    public const string Reason = "Mag geen NUL-teken bevatten.";

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    public static bool HasNul(string? text) => text is not null && text.Contains('\0');

    public static InvalidParam Error(string name) => new(name, InvalidParamCodes.Invalid, Reason);

    /// <summary>Every query parameter whose name or a value holds a NUL (<c>?locationId=%00</c>).</summary>
    public static IReadOnlyList<InvalidParam> InQuery(IQueryCollection query) =>
        [.. query.Where(p => HasNul(p.Key) || p.Value.Any(HasNul)).Select(p => Error(p.Key))];

    private static string? Checked(string? text) =>
        HasNul(text) ? throw new JsonException("A string may not contain U+0000.") : text;
}

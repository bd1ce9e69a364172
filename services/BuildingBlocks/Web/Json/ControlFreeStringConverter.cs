using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>No client string with a control character gets past the edge: this converter fails a body that holds one
/// (the walk in <see cref="JsonBodyErrors"/> then names the field), and <see cref="InQuery"/> checks the query string.
/// Why: PostgreSQL cannot store U+0000 in text or jsonb (22021, 22P05), and such a failed statement has left a pooled
/// connection unusable for other requests; the other C0 and C1 controls are invisible noise in stored text; the
/// bidirectional embeddings, overrides and isolates reorder what a reader sees (a public offer title could show other
/// text than it holds); the noncharacters (U+FDD0–U+FDEF, U+FFFE, U+FFFF) are no text at all. TAB, LF and CR stay
/// allowed: notes and descriptions have several lines. Zero-width spaces and joiners stay too: text pasted from a word
/// processor holds them, emoji and some scripts need the joiners, and they reorder nothing.</summary>
public sealed class ControlFreeStringConverter : JsonConverter<string>
{
    public const string Reason = "Mag geen stuurtekens bevatten.";

    private static readonly SearchValues<char> Refused = SearchValues.Create(
        [.. Range('\u0000', '\u0008'), '\u000B', '\u000C', .. Range('\u000E', '\u001F'), .. Range('\u007F', '\u009F'),
         .. Range('\u202A', '\u202E'), .. Range('\u2066', '\u2069'), .. Range('\uFDD0', '\uFDEF'), '\uFFFE', '\uFFFF']);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString());

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(reader.GetString())!;

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    public static bool HasControl(string? text) => text is not null && text.AsSpan().ContainsAny(Refused);

    public static InvalidParam Error(string name) => new(name, InvalidParamCodes.Invalid, Reason);

    /// <summary>Every query parameter whose name or a value holds a control character (<c>?locationId=%00</c>).</summary>
    public static IReadOnlyList<InvalidParam> InQuery(IQueryCollection query) =>
        [.. query.Where(p => HasControl(p.Key) || p.Value.Any(HasControl)).Select(p => Error(p.Key))];

    private static string? Checked(string? text) =>
        HasControl(text) ? throw new JsonException("A string may not contain control characters.") : text;

    private static IEnumerable<char> Range(char first, char last) =>
        Enumerable.Range(first, last - first + 1).Select(c => (char)c);
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.Monitoring.Reporting;

/// <summary>
/// Writes a report as JSON (meta fields plus <c>rows</c>), or as CSV when the client asks for
/// <c>text/csv</c>: RFC 4180 (comma-separated, CRLF, quotes doubled), a header row, UTF-8.
/// </summary>
public static class ReportWriter
{
    public const string CsvMediaType = "text/csv";

    public static bool WantsCsv(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)) return false;
        var json = accepted.Where(a => a.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var text = accepted.Where(a => a.MediaType.Equals(CsvMediaType, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        return text > 0 && text > json;
    }

    public static IResult Result(ReportTable table, HttpRequest request) =>
        WantsCsv(request) ? new CsvResult(table) : new JsonReportResult(table);

    public static string ToCsv(ReportTable table)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', table.Columns.Select(Escape))).Append("\r\n");
        foreach (var row in table.Rows)
            csv.Append(string.Join(',', row.Select(v => Escape(Text(v))))).Append("\r\n");
        return csv.ToString();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;

    public static void WriteJson(Utf8JsonWriter json, ReportTable table)
    {
        json.WriteStartObject();
        foreach (var (name, value) in table.Meta)
        {
            json.WritePropertyName(name);
            WriteValue(json, value);
        }
        json.WriteStartArray("rows");
        foreach (var row in table.Rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                json.WritePropertyName(table.Columns[i]);
                WriteValue(json, row[i]);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d: json.WriteNumberValue(d); break;
            case decimal m: json.WriteNumberValue(m); break;
            case IEnumerable<string> list:
                json.WriteStartArray();
                foreach (var item in list) json.WriteStringValue(item);
                json.WriteEndArray();
                break;
            case IReadOnlyDictionary<string, object?> map:
                json.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    json.WritePropertyName(k);
                    WriteValue(json, v);
                }
                json.WriteEndObject();
                break;
            default: json.WriteStringValue(Text(value)); break;
        }
    }

    private sealed class CsvResult(ReportTable table) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "text/csv; charset=utf-8; header=present";
            // No byte-order mark: RFC 4180 with UTF-8 as declared in the content type.
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(ToCsv(table));
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }

    private sealed class JsonReportResult(ReportTable table) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await using (var json = new Utf8JsonWriter(http.Response.BodyWriter.AsStream()))
                WriteJson(json, table);
            await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
        }
    }
}

using System.Text;

namespace IdoPlatform.Web.Monitoring;

/// <summary>The counts table as CSV (RFC 4180: commas, CRLF, quotes doubled; UTF-8): the same headings and cells the
/// page shows, so a download is exactly what was on screen, withheld cells as "&lt; 5" included.</summary>
public static class MonitorCsv
{
    public const string MediaType = "text/csv; charset=utf-8; header=present";

    public static string Write(CountsTable table)
    {
        var csv = new StringBuilder();
        Line(csv, table.Headings);
        foreach (var cells in table.Cells)
            Line(csv, cells);
        return csv.ToString();
    }

    public static string FileName(MonitorQuery query) => $"ido-monitor-{query.From}-{query.To}-{query.GroupBy}.csv";

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(',', cells.Select(Escape))).Append("\r\n");

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}

using System.Text;

namespace IdoPlatform.Web.Monitoring;

/// <summary>
/// The counts table as a file for a spreadsheet: the same headings and cells the page shows, so a download is exactly
/// what was on screen, withheld cells as "&lt; 5" included. Written the way Excel in a Dutch locale opens it with a
/// double click: fields separated by semicolons (its list separator, since the decimal mark is a comma), UTF-8 with a
/// byte order mark (without one it reads "Súdwest-Fryslân" as Windows-1252), CRLF, quotes doubled. Programs use the
/// monitoring API's comma-separated <c>text/csv</c> instead.
/// </summary>
public static class MonitorCsv
{
    public const string MediaType = "text/csv; charset=utf-8; header=present";
    private const char Separator = ';';

    public static string Write(CountsTable table)
    {
        var csv = new StringBuilder();
        Line(csv, table.Headings);
        foreach (var cells in table.Cells)
            Line(csv, cells);
        return csv.ToString();
    }

    /// <summary>The file's bytes: the byte order mark, then <see cref="Write"/>.</summary>
    public static byte[] File(CountsTable table) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Write(table))];

    /// <summary>"ido-monitor-2026-01-01-2026-03-31-geboden-hulp.csv": the grouping in the page's words.</summary>
    public static string FileName(MonitorQuery query) =>
        $"ido-monitor-{query.From}-{query.To}-{MonitorQuery.GroupingLabel(query.GroupBy).ToLowerInvariant().Replace(' ', '-')}.csv";

    private static void Line(StringBuilder csv, IEnumerable<string> cells) =>
        csv.Append(string.Join(Separator, cells.Select(Escape))).Append("\r\n");

    private static string Escape(string value) =>
        value.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
}

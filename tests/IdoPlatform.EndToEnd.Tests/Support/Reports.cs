using System.Text.Json.Nodes;

namespace IdoPlatform.EndToEnd.Tests.Support;

/// <summary>Reading monitoring's report rows (JSON: the meta fields and <c>rows</c>).</summary>
public static class Reports
{
    public static IReadOnlyList<JsonNode> Rows(ApiResponse report) =>
        report.Status == HttpStatusCode.OK && report.Json["rows"] is JsonArray rows ? rows.Select(r => r!).ToList() : [];

    public static long? Long(JsonNode row, string name) => row[name] is JsonValue value ? value.GetValue<long>() : null;

    public static string? Text(JsonNode row, string name) => row[name] is JsonValue value ? value.ToString() : null;

    /// <summary>Visits and questions summed over all rows (null cells count as zero).</summary>
    public static (long Visits, long Questions) Totals(ApiResponse report) =>
        (Rows(report).Sum(r => Long(r, "visits") ?? 0), Rows(report).Sum(r => Long(r, "questions") ?? 0));

    /// <summary>Each value of <paramref name="dimension"/> with its visit count (rows of one period).</summary>
    public static IReadOnlyDictionary<string, long?> VisitsBy(ApiResponse report, string dimension) =>
        Rows(report).ToDictionary(r => Text(r, dimension) ?? "", r => Long(r, "visits"));
}

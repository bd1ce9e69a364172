namespace IdoPlatform.Monitoring.Reporting;

/// <summary>A report as rows of named columns, written as JSON or CSV by <see cref="ReportWriter"/>.</summary>
/// <param name="Meta">Describes the whole report (range, grouping, suppression); JSON only.</param>
public sealed record ReportTable(
    IReadOnlyList<string> Columns,
    IReadOnlyList<object?[]> Rows,
    IReadOnlyDictionary<string, object?> Meta);

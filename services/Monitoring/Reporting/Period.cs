using System.Globalization;

namespace IdoPlatform.Monitoring.Reporting;

public enum PeriodKind { Day, Week, Month, Quarter, Year }

/// <summary>Calendar periods: where each starts, how the API labels it, how many a range holds.</summary>
public static class Periods
{
    public static readonly IReadOnlyDictionary<string, PeriodKind> ByName = new Dictionary<string, PeriodKind>
    {
        ["day"] = PeriodKind.Day, ["week"] = PeriodKind.Week, ["month"] = PeriodKind.Month,
        ["quarter"] = PeriodKind.Quarter, ["year"] = PeriodKind.Year,
    };

    public static DateOnly StartOf(PeriodKind kind, DateOnly day) => kind switch
    {
        PeriodKind.Day => day,
        // ISO weeks start on Monday.
        PeriodKind.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        PeriodKind.Month => new DateOnly(day.Year, day.Month, 1),
        PeriodKind.Quarter => new DateOnly(day.Year, (day.Month - 1) / 3 * 3 + 1, 1),
        PeriodKind.Year => new DateOnly(day.Year, 1, 1),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>ISO 8601 where it has a form: 2026-03-14, 2026-W11, 2026-03, 2026; quarters as 2026-Q1.</summary>
    public static string Label(PeriodKind kind, DateOnly start) => kind switch
    {
        PeriodKind.Day => start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        PeriodKind.Week => $"{ISOWeek.GetYear(start.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(start.ToDateTime(TimeOnly.MinValue)):00}",
        PeriodKind.Month => start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => $"{start.Year}-Q{(start.Month - 1) / 3 + 1}",
        PeriodKind.Year => start.Year.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The whole range as one ISO 8601 interval, for results not split into periods.</summary>
    public static string RangeLabel(DateOnly from, DateOnly to) =>
        $"{from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/{to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>How many periods (whole or partial) the inclusive range touches.</summary>
    public static long CountIn(PeriodKind kind, DateOnly from, DateOnly to)
    {
        if (to < from) return 0;
        var first = StartOf(kind, from);
        var last = StartOf(kind, to);
        return kind switch
        {
            PeriodKind.Day => last.DayNumber - first.DayNumber + 1,
            PeriodKind.Week => (last.DayNumber - first.DayNumber) / 7 + 1,
            PeriodKind.Month => MonthIndex(last) - MonthIndex(first) + 1,
            PeriodKind.Quarter => (MonthIndex(last) - MonthIndex(first)) / 3 + 1,
            PeriodKind.Year => last.Year - first.Year + 1,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The SQL expression truncating a date column to the start of its period.</summary>
    public static string SqlStartOf(PeriodKind kind, string column) => kind switch
    {
        PeriodKind.Day => column,
        // Cast to timestamp without time zone, so the session's time zone cannot shift a day.
        _ => $"date_trunc('{kind.ToString().ToLowerInvariant()}', {column}::timestamp)::date",
    };

    private static int MonthIndex(DateOnly d) => d.Year * 12 + d.Month - 1;
}

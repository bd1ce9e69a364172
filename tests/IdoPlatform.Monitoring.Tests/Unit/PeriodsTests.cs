using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class PeriodsTests
{
    [Theory]
    [InlineData(PeriodKind.Day, "2026-05-14", "2026-05-14", "2026-05-14")]
    [InlineData(PeriodKind.Week, "2026-05-14", "2026-05-11", "2026-W20")]
    [InlineData(PeriodKind.Week, "2027-01-01", "2026-12-28", "2026-W53")]
    [InlineData(PeriodKind.Month, "2026-05-14", "2026-05-01", "2026-05")]
    [InlineData(PeriodKind.Quarter, "2026-05-14", "2026-04-01", "2026-Q2")]
    [InlineData(PeriodKind.Year, "2026-05-14", "2026-01-01", "2026")]
    public void Starts_and_labels(PeriodKind kind, string day, string start, string label)
    {
        var s = Periods.StartOf(kind, DateOnly.Parse(day));
        Assert.Equal(DateOnly.Parse(start), s);
        Assert.Equal(label, Periods.Label(kind, s));
    }

    [Theory]
    [InlineData(PeriodKind.Quarter, "2026-02-15", "2026-10-01", 4)]
    [InlineData(PeriodKind.Month, "2026-01-31", "2026-02-01", 2)]
    [InlineData(PeriodKind.Week, "2026-05-10", "2026-05-11", 2)]
    [InlineData(PeriodKind.Day, "2026-01-01", "2026-12-31", 365)]
    public void Counts_the_periods_a_range_touches(PeriodKind kind, string from, string to, long count)
    {
        Assert.Equal(count, Periods.CountIn(kind, DateOnly.Parse(from), DateOnly.Parse(to)));
    }
}

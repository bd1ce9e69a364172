namespace IdoPlatform.EndToEnd.Tests.Support;

/// <summary>Monitoring counts by Dutch calendar day; the tests ask for a range around today there.</summary>
public static class DutchDays
{
    public static DateOnly Today => IdoPlatform.BuildingBlocks.Domain.DutchCalendar.Today(TimeProvider.System);

    /// <summary><c>from=…&amp;to=…</c> from yesterday to tomorrow: today's registrations, whatever midnight does meanwhile.</summary>
    public static string RangeAroundToday => $"from={Today.AddDays(-1):yyyy-MM-dd}&to={Today.AddDays(1):yyyy-MM-dd}";

    /// <summary>The next <paramref name="day"/> after today (a week ahead when today is that day).</summary>
    public static DateOnly Next(DayOfWeek day)
    {
        var date = Today.AddDays(1);
        while (date.DayOfWeek != day)
            date = date.AddDays(1);
        return date;
    }
}

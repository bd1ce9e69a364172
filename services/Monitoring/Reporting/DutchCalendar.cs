namespace IdoPlatform.Monitoring.Reporting;

/// <summary>
/// Counts are by the Dutch calendar day on which a visit happened: a visit at 00:30 on 1 April
/// Amsterdam time belongs to Q2, though it was still 31 March in UTC.
/// </summary>
public static class DutchCalendar
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly DayOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Amsterdam).DateTime);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());
}

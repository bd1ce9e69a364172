namespace IdoPlatform.BuildingBlocks.Domain;

/// <summary>Days are Dutch days, whatever the server's zone: "today" just after midnight in Amsterdam is already the
/// new day, though UTC is still on the old one (a visit at 00:30 on 1 April belongs to Q2; a code retired "on
/// 31 December" is valid until midnight in Amsterdam).</summary>
public static class DutchCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public static DateOnly Today(TimeProvider clock) => DayOf(clock.GetUtcNow());

    /// <summary>The time on a Dutch clock at that instant.</summary>
    public static TimeOnly TimeOf(DateTimeOffset instant) => TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december"];

    public static string MonthName(int month) => Months[month - 1];

    /// <summary>"3 december 2026": a date in a Dutch sentence (written by hand: the services run with invariant
    /// globalization, so there is no nl-NL culture to format with).</summary>
    public static string Text(DateOnly day) => $"{day.Day} {Months[day.Month - 1]} {day.Year}";

    /// <summary>The instant a Dutch clock shows <paramref name="local"/>; null in the hour skipped when summer time starts
    /// (2:00–3:00 that night), and in the first and last years, where the instant would fall outside what a
    /// DateTimeOffset holds (1 January of year 1, 00:10, was 23:50 the year before in UTC). In the hour shown twice when
    /// summer time ends, the first, so it is never later than meant.</summary>
    public static DateTimeOffset? FromLocal(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (local.Year is 1 or 9999 || Zone.IsInvalidTime(local)) return null;
        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>The instant a Dutch day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The instant a Dutch day ends: the next one's start (23 or 25 hours later on a clock-change day).</summary>
    public static DateTimeOffset EndOf(DateOnly day) => StartOf(day.AddDays(1));
}

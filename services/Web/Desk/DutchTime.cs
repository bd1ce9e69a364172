using System.Globalization;
using IdoPlatform.BuildingBlocks.Domain;

namespace IdoPlatform.Web.Desk;

/// <summary>Times as a Dutch desk reads them (Europe/Amsterdam), written out by hand: the service runs with invariant
/// globalization, so there is no nl-NL culture to format with.</summary>
public static class DutchTime
{
    private static readonly string[] Days = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

    public static DateTime Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, DutchCalendar.Zone).DateTime;

    /// <summary>The Monday of the week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Clock(DateTimeOffset moment) => Local(moment).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"dinsdag 1 december 2026, 10:42": with the year, as histories and lists reach back over years.</summary>
    public static string DayAndClock(DateTimeOffset moment)
    {
        var local = Local(moment);
        return $"{DayName(DateOnly.FromDateTime(local))} {local.Year}, {local:HH:mm}";
    }

    /// <summary>"dinsdag 1 december, 10:42": for a list that holds one week only.</summary>
    public static string DayAndClockInWeek(DateTimeOffset moment)
    {
        var local = Local(moment);
        return $"{DayName(DateOnly.FromDateTime(local))}, {local:HH:mm}";
    }

    public static string DayName(DateOnly day) => $"{Days[(int)day.DayOfWeek]} {day.Day} {DutchCalendar.MonthName(day.Month)}";

    /// <summary>"dinsdag 1 december", with the year only when it is not this year's ("donderdag 14 januari 2027").</summary>
    public static string DayName(DateOnly day, DateOnly today) => day.Year == today.Year ? DayName(day) : $"{DayName(day)} {day.Year}";

    /// <summary>A date field's value ("2026-12-01") for the Dutch day of <paramref name="moment"/>.</summary>
    public static string DateField(DateTimeOffset moment) => Local(moment).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public const string DateAndTimeBoth = "Vul zowel de datum als de tijd in.";
    public const string UnreadableDate = "Niet te lezen als datum (zoals 14-03-2026).";
    public const string UnreadableTime = "Niet te lezen als tijd (zoals 10:30).";
    public const string SkippedHour = "Deze tijd bestaat niet: die nacht ging de klok bij de zomertijd van 2:00 naar 3:00.";

    // The date and time fields send ISO; a browser that shows them as plain text fields gets what a Dutch desk types.
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d-M-yyyy"];
    private static readonly string[] TimeFormats = ["H:mm", "H:mm:ss", "H.mm"];

    /// <summary>A date and a time as typed at the desk, read on the Dutch clock (never as UTC). Both blank: no moment and
    /// no refusal; otherwise the moment, or why it cannot be one.</summary>
    public static (DateTimeOffset? Moment, string? Refusal) ReadLocal(string? date, string? time)
    {
        if (date is null && time is null)
            return (null, null);
        if (date is null || time is null)
            return (null, DateAndTimeBoth);
        if (!DateOnly.TryParseExact(date, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (null, UnreadableDate);
        if (!TimeOnly.TryParseExact(time, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
            return (null, UnreadableTime);
        return FromLocal(day.ToDateTime(clock));
    }

    /// <summary>The moment a Dutch clock shows <paramref name="local"/> (<see cref="DutchCalendar.FromLocal"/>), or why there
    /// is none: the hour skipped when summer time starts, or a date no visit can have (year 1 or 9999).</summary>
    public static (DateTimeOffset? Moment, string? Refusal) FromLocal(DateTime local) =>
        DutchCalendar.FromLocal(local) is { } moment ? (moment, null)
        : DutchCalendar.Zone.IsInvalidTime(local) ? (null, SkippedHour)
        : (null, UnreadableDate);
}

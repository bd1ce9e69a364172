using System.Globalization;
using IdoPlatform.BuildingBlocks.Domain;

namespace IdoPlatform.Web.Desk;

/// <summary>Times as a Dutch desk reads them (Europe/Amsterdam), written out by hand: the service runs with invariant
/// globalization, so there is no nl-NL culture to format with.</summary>
public static class DutchTime
{
    private static readonly string[] Days = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december"];

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

    public static string DayName(DateOnly day) => $"{Days[(int)day.DayOfWeek]} {day.Day} {Months[day.Month - 1]}";

    /// <summary>"dinsdag 1 december", with the year only when it is not this year's ("donderdag 14 januari 2027").</summary>
    public static string DayName(DateOnly day, DateOnly today) => day.Year == today.Year ? DayName(day) : $"{DayName(day)} {day.Year}";

    /// <summary>"3 december 2026".</summary>
    public static string Date(DateOnly day) => $"{day.Day} {Months[day.Month - 1]} {day.Year}";
}

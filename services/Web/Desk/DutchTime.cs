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

    /// <summary>"dinsdag 1 december, 10:42".</summary>
    public static string DayAndClock(DateTimeOffset moment)
    {
        var local = Local(moment);
        return $"{Days[(int)local.DayOfWeek]} {local.Day} {Months[local.Month - 1]}, {local:HH:mm}";
    }

    public static string DayName(DateOnly day) => $"{Days[(int)day.DayOfWeek]} {day.Day} {Months[day.Month - 1]}";

    /// <summary>"3 december 2026".</summary>
    public static string Date(DateOnly day) => $"{day.Day} {Months[day.Month - 1]} {day.Year}";
}

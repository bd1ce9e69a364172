using System.Globalization;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Library;

namespace IdoPlatform.Web.Finder;

/// <summary>Distances, opening hours and dates as the finder pages write them (Dutch, by hand: the service runs with
/// invariant globalization).</summary>
public static class FinderText
{
    private static readonly string[] EnglishDays = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
    private static readonly string[] DutchDays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

    /// <summary>"350 m", "1,2 km", "24 km".</summary>
    public static string Distance(int meters) => meters switch
    {
        < 1000 => $"{meters / 10 * 10} m",
        < 10_000 => (meters / 1000.0).ToString("0.0", CultureInfo.InvariantCulture).Replace('.', ',') + " km",
        _ => $"{Math.Round(meters / 1000.0):0} km",
    };

    /// <summary>"10:00–12:30 en 13:30–17:00", or "gesloten".</summary>
    public static string Periods(IEnumerable<(string Opens, string Closes)> periods)
    {
        var text = string.Join(" en ", periods.Select(p => $"{p.Opens}–{p.Closes}"));
        return text.Length == 0 ? "gesloten" : text;
    }

    public static string Address(string street, int number, string? letter, string? addition, string postcode, string city) =>
        $"{street} {number}{letter}{(string.IsNullOrEmpty(addition) ? "" : "-" + addition)}, {PostcodeText(postcode)} {city}";

    /// <summary>"9711AB" → "9711 AB".</summary>
    public static string PostcodeText(string postcode) => postcode.Length == 6 ? $"{postcode[..4]} {postcode[4..]}" : postcode;

    /// <summary>The Dutch name of an API weekday (<c>monday</c> → <c>maandag</c>).</summary>
    public static string DayName(string englishDay) =>
        Array.IndexOf(EnglishDays, englishDay) is var i and >= 0 ? DutchDays[i] : englishDay;

    public static string EnglishDay(DayOfWeek day) => EnglishDays[(int)day];

    /// <summary>A week's opening hours, Monday first: ("maandag", "13:00–17:30").</summary>
    public static IReadOnlyList<(string Day, string Hours)> Week(IEnumerable<(string Day, string Opens, string Closes)> periods)
    {
        var list = periods.ToList();
        return Enumerable.Range(1, 7).Select(i => EnglishDays[i % 7])
            .Select(day => (DayName(day), Periods(list.Where(p => p.Day == day).OrderBy(p => p.Opens, StringComparer.Ordinal)
                .Select(p => (p.Opens, p.Closes)))))
            .ToList();
    }

    /// <summary>"dinsdag 8 december, 14:00–16:00; woensdag 9 december, 10:00–12:00 en 14:00–16:00": each date with its times
    /// (and its year when that is not this year's).</summary>
    public static string? Dates(IEnumerable<DateOnly> dates, IEnumerable<SessionDto>? sessions, DateOnly today)
    {
        var times = (sessions ?? []).ToLookup(s => s.Date, s => $"{s.StartTime}–{s.EndTime}");
        var text = string.Join("; ", dates.Select(d => times[d].Any()
            ? $"{DutchTime.DayName(d, today)}, {string.Join(" en ", times[d])}"
            : DutchTime.DayName(d, today)));
        return text.Length == 0 ? null : text;
    }

    /// <summary>"vandaag (vrijdag 4 december)" or the day itself.</summary>
    public static string Day(DateOnly day, DateOnly today) =>
        day == today ? $"vandaag ({DutchTime.DayName(day)})" : DutchTime.DayName(day, today);
}

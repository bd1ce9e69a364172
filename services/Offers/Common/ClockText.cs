using System.Globalization;

namespace IdoPlatform.Offers.Common;

/// <summary>Times of day and weekdays as the API writes them: <c>"09:30"</c>, <c>"monday"</c>.</summary>
public static class ClockText
{
    public static bool TryParseTime(string? text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static bool TryParseDay(string? text, out DayOfWeek day)
    {
        day = default;
        return text is not null && text == text.ToLowerInvariant() && !int.TryParse(text, out _)
               && Enum.TryParse(text, ignoreCase: true, out day) && Enum.IsDefined(day);
    }

    public static string Format(DayOfWeek day) => day.ToString().ToLowerInvariant();

    public static readonly IReadOnlyList<string> Days =
        Enum.GetValues<DayOfWeek>().Select(Format).ToArray();
}

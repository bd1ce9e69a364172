namespace IdoPlatform.Web.Finder;

/// <summary>The times an offer takes place on one of its dates: its sessions that day and the recurrences that fall on
/// it (weekly; biweekly counted from the first occurrence; monthly the n-th weekday, 5 the last), as the offers service
/// counts them.</summary>
public static class OfferTimes
{
    public static IReadOnlyList<string> On(OfferScheduleDto? schedule, DateOnly date)
    {
        if (schedule is null) return [];
        var sessions = (schedule.Sessions ?? []).Where(s => s.Date == date).Select(s => (s.StartTime, s.EndTime));
        var recurring = (schedule.Recurrences ?? []).Where(r => FallsOn(r, date)).Select(r => (r.StartTime, r.EndTime));
        return sessions.Concat(recurring).Distinct().OrderBy(t => t.StartTime, StringComparer.Ordinal)
            .Select(t => $"{t.StartTime}–{t.EndTime}").ToList();
    }

    private static bool FallsOn(RecurrenceDto r, DateOnly date)
    {
        if (FinderText.EnglishDay(date.DayOfWeek) != r.Day || date < r.StartsOn || (r.EndsOn is { } end && date > end))
            return false;
        return r.Frequency switch
        {
            "biweekly" => (date.DayNumber - FirstOn(r).DayNumber) % 14 == 0,
            "monthly" => date == NthWeekday(date.Year, date.Month, date.DayOfWeek, r.WeekOfMonth ?? 1),
            _ => true,
        };
    }

    private static DateOnly FirstOn(RecurrenceDto r)
    {
        var day = r.StartsOn;
        while (FinderText.EnglishDay(day.DayOfWeek) != r.Day) day = day.AddDays(1);
        return day;
    }

    private static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        var first = new DateOnly(year, month, 1);
        var date = first.AddDays(((int)day - (int)first.DayOfWeek + 7) % 7 + 7 * (n - 1));
        return date.Month == month ? date : date.AddDays(-7); // n = 5: the last, even in a month with four
    }
}

namespace IdoPlatform.Offers.Features.Offers;

/// <summary>When an offer takes place: the dates its schedule yields inside its validity, less the exceptions.</summary>
public static class ScheduleCalendar
{
    public const int LastWeekOfMonth = 5;

    /// <summary>Does the offer take place at least once between <paramref name="from"/> and <paramref name="to"/> (inclusive)?</summary>
    public static bool OccursBetween(OfferContent content, DateOnly? from, DateOnly? to) =>
        Dates(content, from, to).Any();

    /// <summary>
    /// The dates on which the offer takes place within the window, in order. Open-ended recurrences
    /// yield lazily, so callers take what they need.
    /// </summary>
    public static IEnumerable<DateOnly> Dates(OfferContent content, DateOnly? from, DateOnly? to)
    {
        var start = Max(from, content.ValidFrom) ?? DateOnly.MinValue;
        var end = Min(to, content.ValidTo) ?? DateOnly.MaxValue;
        if (end < start) return [];
        var skip = content.Schedule.Exceptions.ToHashSet();

        var sessions = content.Schedule.Sessions.Select(s => s.Date).Where(d => d >= start && d <= end);
        var streams = content.Schedule.Recurrences.Select(r => Occurrences(r, start, end)).Prepend(sessions.Order());
        return Merge(streams.ToList()).Where(d => !skip.Contains(d)).Distinct();
    }

    /// <summary>When the offer takes place on one of its <see cref="Dates"/>: that day's sessions and the recurrences that
    /// fall on it, earliest first.</summary>
    public static IEnumerable<(TimeOnly Starts, TimeOnly Ends)> TimesOn(OfferContent content, DateOnly date) =>
        content.Schedule.Sessions.Where(s => s.Date == date).Select(s => (s.Starts, s.Ends))
            .Concat(content.Schedule.Recurrences.Where(r => Occurrences(r, date, date).Any()).Select(r => (r.Starts, r.Ends)))
            .Distinct().Order();

    /// <summary>The recurrence's dates within [start, end], in order.</summary>
    public static IEnumerable<DateOnly> Occurrences(Recurrence r, DateOnly start, DateOnly end)
    {
        var first = Max(start, r.StartsOn)!.Value;
        var last = Min(end, r.EndsOn)!.Value;
        if (last < first) yield break;

        if (r.Frequency == "monthly")
        {
            for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
            {
                var date = NthWeekday(month.Year, month.Month, r.Day, r.WeekOfMonth ?? 1);
                if (date >= first && date <= last) yield return date;
                if (month.Year == DateOnly.MaxValue.Year && month.Month == 12) yield break;
            }
            yield break;
        }

        var step = r.Frequency == "biweekly" ? 14 : 7;
        // Biweekly counts from the recurrence's own first occurrence, not from the search window.
        var anchor = r.StartsOn.AddDays(((int)r.Day - (int)r.StartsOn.DayOfWeek + 7) % 7);
        var date0 = anchor;
        if (date0 < first)
        {
            var behind = first.DayNumber - anchor.DayNumber;
            date0 = anchor.AddDays((behind + step - 1) / step * step);
        }
        for (var d = date0.DayNumber; d <= last.DayNumber; d += step)
            yield return DateOnly.FromDayNumber(d);
    }

    /// <summary>The n-th given weekday of a month (n = 5: the last).</summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek day, int n)
    {
        if (n >= LastWeekOfMonth)
        {
            var lastOfMonth = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            return lastOfMonth.AddDays(-(((int)lastOfMonth.DayOfWeek - (int)day + 7) % 7));
        }
        var firstOfMonth = new DateOnly(year, month, 1);
        return firstOfMonth.AddDays(((int)day - (int)firstOfMonth.DayOfWeek + 7) % 7 + 7 * (n - 1));
    }

    private static IEnumerable<DateOnly> Merge(IReadOnlyList<IEnumerable<DateOnly>> sorted)
    {
        var cursors = sorted.Select(s => s.GetEnumerator()).Where(e => e.MoveNext()).ToList();
        while (cursors.Count > 0)
        {
            var next = cursors.MinBy(c => c.Current)!;
            yield return next.Current;
            if (!next.MoveNext()) cursors.Remove(next);
        }
    }

    private static DateOnly? Max(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;
    private static DateOnly? Min(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a < b ? a : b;
}

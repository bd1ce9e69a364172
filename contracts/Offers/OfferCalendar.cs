namespace IdoPlatform.Contracts.Offers;

/// <summary>
/// The one rule for when an offer takes place: its sessions and the dates its recurrences yield, inside its validity,
/// less the exceptions. Part of the contract so that offers (its next dates) and referrals (from its replica) agree.
/// </summary>
public static class OfferCalendar
{
    public const int LastWeekOfMonth = 5;

    /// <summary>Does the offer take place on <paramref name="day"/>?</summary>
    public static bool OccursOn(OfferSchedule schedule, DateOnly? validFrom, DateOnly? validTo, DateOnly day) =>
        Dates(schedule, validFrom, validTo, day, day).Any();

    /// <summary>
    /// The dates on which the offer takes place within the window, in order. Open-ended recurrences
    /// yield lazily, so callers take what they need.
    /// </summary>
    public static IEnumerable<DateOnly> Dates(OfferSchedule schedule, DateOnly? validFrom, DateOnly? validTo,
        DateOnly? from, DateOnly? to)
    {
        var start = Max(from, validFrom) ?? DateOnly.MinValue;
        var end = Min(to, validTo) ?? DateOnly.MaxValue;
        if (end < start) return [];
        var skip = schedule.Exceptions.ToHashSet();

        var sessions = schedule.SessionDates.Where(d => d >= start && d <= end);
        var streams = schedule.Recurrences.Select(r => Occurrences(r, start, end)).Prepend(sessions.Order());
        return Merge(streams.ToList()).Where(d => !skip.Contains(d)).Distinct();
    }

    /// <summary>The recurrence's dates within [start, end], in order.</summary>
    public static IEnumerable<DateOnly> Occurrences(OfferRecurrence r, DateOnly start, DateOnly end)
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

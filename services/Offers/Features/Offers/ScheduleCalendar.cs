using IdoPlatform.Contracts.Offers;

namespace IdoPlatform.Offers.Features.Offers;

/// <summary>When an offer takes place: the dates its schedule yields inside its validity, less the exceptions.
/// The rule itself is the contract's <see cref="OfferCalendar"/>, which referrals applies to its replica too.</summary>
public static class ScheduleCalendar
{
    public const int LastWeekOfMonth = OfferCalendar.LastWeekOfMonth;

    /// <summary>Does the offer take place at least once between <paramref name="from"/> and <paramref name="to"/> (inclusive)?</summary>
    public static bool OccursBetween(OfferContent content, DateOnly? from, DateOnly? to) =>
        Dates(content, from, to).Any();

    /// <summary>The dates on which the offer takes place within the window, in order (lazily).</summary>
    public static IEnumerable<DateOnly> Dates(OfferContent content, DateOnly? from, DateOnly? to) =>
        OfferCalendar.Dates(Published(content.Schedule), content.ValidFrom, content.ValidTo, from, to);

    /// <summary>When the offer takes place on one of its <see cref="Dates"/>: that day's sessions and the recurrences that
    /// fall on it, earliest first.</summary>
    public static IEnumerable<(TimeOnly Starts, TimeOnly Ends)> TimesOn(OfferContent content, DateOnly date) =>
        content.Schedule.Sessions.Where(s => s.Date == date).Select(s => (s.Starts, s.Ends))
            .Concat(content.Schedule.Recurrences.Where(r => Occurrences(r, date, date).Any()).Select(r => (r.Starts, r.Ends)))
            .Distinct().Order();

    /// <summary>The recurrence's dates within [start, end], in order.</summary>
    public static IEnumerable<DateOnly> Occurrences(Recurrence r, DateOnly start, DateOnly end) =>
        OfferCalendar.Occurrences(Published(r), start, end);

    /// <summary>The schedule as the contract carries it: what the calendar needs, without the times.</summary>
    public static OfferSchedule Published(Schedule s) =>
        new(s.Sessions.Select(x => x.Date).Distinct().Order().ToList(), s.Recurrences.Select(Published).ToList(), s.Exceptions);

    private static OfferRecurrence Published(Recurrence r) => new(r.Frequency, r.Day, r.StartsOn, r.EndsOn, r.WeekOfMonth);
}

using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Tests.Domain;

public class ScheduleCalendarTests
{
    private static readonly TimeOnly Ten = new(10, 0), Twelve = new(12, 0);

    private static OfferContent With(Schedule schedule, DateOnly? validFrom = null, DateOnly? validTo = null) =>
        Samples.Content() with { Schedule = schedule, ValidFrom = validFrom, ValidTo = validTo };

    private static Recurrence Every(string frequency, DayOfWeek day, DateOnly startsOn, DateOnly? endsOn = null, int? week = null) =>
        new(frequency, day, Ten, Twelve, startsOn, endsOn, week);

    [Fact]
    public void Weekly_takes_place_on_that_weekday_from_its_start()
    {
        var content = With(new Schedule([], [Every("weekly", DayOfWeek.Tuesday, new DateOnly(2026, 12, 2))], []));
        Assert.Equal(
            [new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 15), new DateOnly(2026, 12, 22)],
            ScheduleCalendar.Dates(content, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 28)));
    }

    [Fact]
    public void Biweekly_counts_from_its_own_first_date_not_from_the_window()
    {
        var content = With(new Schedule([], [Every("biweekly", DayOfWeek.Thursday, new DateOnly(2026, 1, 8))], []));
        // 8 January + 48 weeks = 10 December; the weeks in between do not count.
        Assert.Equal(
            [new DateOnly(2026, 12, 10), new DateOnly(2026, 12, 24)],
            ScheduleCalendar.Dates(content, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Monthly_takes_the_nth_or_the_last_weekday()
    {
        var first = With(new Schedule([], [Every("monthly", DayOfWeek.Wednesday, new DateOnly(2026, 1, 1), week: 1)], []));
        Assert.Equal([new DateOnly(2026, 12, 2), new DateOnly(2027, 1, 6)],
            ScheduleCalendar.Dates(first, new DateOnly(2026, 12, 1), new DateOnly(2027, 1, 31)));
        var last = With(new Schedule([], [Every("monthly", DayOfWeek.Monday, new DateOnly(2026, 1, 1), week: 5)], []));
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 28)],
            ScheduleCalendar.Dates(last, new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Exceptions_and_validity_take_dates_out()
    {
        var content = With(
            new Schedule([new Session(new DateOnly(2026, 12, 3), Ten, Twelve), new Session(new DateOnly(2027, 2, 1), Ten, Twelve)],
                [Every("weekly", DayOfWeek.Tuesday, new DateOnly(2026, 1, 6))],
                [new DateOnly(2026, 12, 8)]),
            validTo: new DateOnly(2026, 12, 20));
        Assert.Equal([new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 3), new DateOnly(2026, 12, 15)],
            ScheduleCalendar.Dates(content, new DateOnly(2026, 12, 1), null));
    }

    [Fact]
    public void An_offer_occurs_in_a_window_only_when_a_date_falls_in_it()
    {
        var content = With(new Schedule([new Session(new DateOnly(2026, 12, 3), Ten, Twelve)], [], [new DateOnly(2026, 12, 3)]));
        Assert.False(ScheduleCalendar.OccursBetween(content, new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31)));
        var open = With(new Schedule([], [Every("weekly", DayOfWeek.Friday, new DateOnly(2026, 1, 2))], []));
        Assert.True(ScheduleCalendar.OccursBetween(open, new DateOnly(2031, 5, 1), null));
        Assert.False(ScheduleCalendar.OccursBetween(open, new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 10)));
    }

    [Fact]
    public void Times_on_a_date_are_that_days_sessions_and_the_recurrences_falling_on_it_earliest_first()
    {
        var afternoon = new Recurrence("biweekly", DayOfWeek.Thursday, new TimeOnly(14, 0), new TimeOnly(16, 0), new DateOnly(2026, 12, 3), null, null);
        var content = With(new Schedule(
            [new Session(new DateOnly(2026, 12, 3), Ten, Twelve), new Session(new DateOnly(2026, 12, 10), Ten, Twelve)],
            [afternoon, Every("weekly", DayOfWeek.Friday, new DateOnly(2026, 12, 1))], []));
        Assert.Equal([(Ten, Twelve), (new TimeOnly(14, 0), new TimeOnly(16, 0))], ScheduleCalendar.TimesOn(content, new DateOnly(2026, 12, 3)));
        // The biweekly afternoon skips 10 December: only that day's session remains.
        Assert.Equal([(Ten, Twelve)], ScheduleCalendar.TimesOn(content, new DateOnly(2026, 12, 10)));
        Assert.Equal([(Ten, Twelve)], ScheduleCalendar.TimesOn(content, new DateOnly(2026, 12, 4)));
    }
}

using IdoPlatform.Contracts.Offers;
using IdoPlatform.Referrals.Features.NearestLocations;
using static IdoPlatform.Referrals.Tests.Domain.Samples;

namespace IdoPlatform.Referrals.Tests.Domain;

/// <summary>"Runs on that day" is the offer's own dates (the rule offers shows as nextOccurrences), not its weekday.</summary>
public class OfferRunsOnTests
{
    private static readonly DateOnly Since2026 = new(2026, 1, 1);

    private static OfferDetails Offer(OfferSchedule schedule, DateOnly? validFrom = null, DateOnly? validTo = null,
        bool walkIn = true) =>
        new(Guid.NewGuid(), OrganisationId, ["NL-000001-0001"], "digicafe", 1, "Digicafé", "inloop", ["apparaatgebruik"],
            ["iedereen"], walkIn, [], validFrom, validTo,
            schedule.Recurrences.Select(r => r.Day).Distinct().ToList(), schedule.SessionDates, schedule);

    private static OfferSchedule Recurring(string frequency, DayOfWeek day, DateOnly? startsOn = null, DateOnly? endsOn = null,
        int? week = null, params DateOnly[] exceptions) =>
        new([], [new OfferRecurrence(frequency, day, startsOn ?? Since2026, endsOn, week)], exceptions);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    private static IEnumerable<DateOnly> RunDays(OfferDetails offer, DateOnly from, DateOnly to) =>
        Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).Where(d => NearestLocations.RunsOn(offer, d));

    [Theory]
    [InlineData(true)]
    [InlineData(false)] // a sign-up course follows the same dates as a walk-in hour
    public void Monthly_runs_only_in_its_week_of_the_month(bool walkIn)
    {
        var firstWednesday = Offer(Recurring("monthly", DayOfWeek.Wednesday, week: 1), walkIn: walkIn);
        Assert.Equal([D(2026, 12, 2), D(2027, 1, 6), D(2027, 2, 3), D(2027, 3, 3)],
            RunDays(firstWednesday, D(2026, 12, 1), D(2027, 3, 31)));
    }

    [Fact]
    public void Monthly_in_the_last_week_takes_the_last_such_weekday()
    {
        var lastMonday = Offer(Recurring("monthly", DayOfWeek.Monday, week: OfferCalendar.LastWeekOfMonth));
        Assert.Equal([D(2026, 11, 30), D(2026, 12, 28)], RunDays(lastMonday, D(2026, 11, 1), D(2026, 12, 31)));
    }

    [Fact]
    public void An_exception_takes_its_day_out()
    {
        var tuesdays = Offer(Recurring("weekly", DayOfWeek.Tuesday, exceptions: D(2026, 12, 8)));
        Assert.Equal([D(2026, 12, 1), D(2026, 12, 15)], RunDays(tuesdays, D(2026, 12, 1), D(2026, 12, 20)));
    }

    [Fact]
    public void Biweekly_runs_every_other_week_from_its_first_date()
    {
        var everyOtherThursday = Offer(Recurring("biweekly", DayOfWeek.Thursday, startsOn: D(2026, 1, 8)));
        Assert.Equal([D(2026, 12, 10), D(2026, 12, 24)], RunDays(everyOtherThursday, D(2026, 12, 1), D(2026, 12, 31)));
    }

    [Fact]
    public void A_recurrence_runs_between_its_start_and_end()
    {
        var threeWeeks = Offer(Recurring("weekly", DayOfWeek.Thursday, startsOn: D(2026, 12, 10), endsOn: D(2026, 12, 24)));
        Assert.Equal([D(2026, 12, 10), D(2026, 12, 17), D(2026, 12, 24)], RunDays(threeWeeks, D(2026, 11, 1), D(2027, 1, 31)));
    }

    [Fact]
    public void Validity_bounds_recurrences_and_sessions()
    {
        var schedule = new OfferSchedule([D(2026, 12, 2), D(2027, 2, 1)], Recurring("weekly", DayOfWeek.Friday).Recurrences, []);
        var valid = Offer(schedule, validFrom: D(2026, 12, 3), validTo: D(2026, 12, 20));
        Assert.Equal([D(2026, 12, 4), D(2026, 12, 11), D(2026, 12, 18)], RunDays(valid, D(2026, 11, 1), D(2027, 3, 1)));
    }

    [Fact]
    public void Dated_sessions_run_on_their_dates_unless_excepted()
    {
        var sessions = Offer(new OfferSchedule([D(2026, 12, 3), D(2026, 12, 10)], [], [D(2026, 12, 10)]));
        Assert.Equal([D(2026, 12, 3)], RunDays(sessions, D(2026, 11, 1), D(2027, 1, 31)));
    }

    [Fact]
    public void A_replica_row_without_the_schedule_runs_weekly_on_its_weekdays_and_on_its_session_dates()
    {
        // Published before messages carried the schedule: listed as referrals listed it then, until offers sends it again.
        var old = Offer(Recurring("monthly", DayOfWeek.Wednesday, week: 1)) with { Schedule = null, SessionDates = [D(2026, 12, 5)] };
        Assert.Equal([D(2026, 12, 2), D(2026, 12, 5), D(2026, 12, 9), D(2026, 12, 16), D(2026, 12, 23), D(2026, 12, 30)],
            RunDays(old, D(2026, 12, 1), D(2026, 12, 31)));
    }

    [Fact]
    public void The_far_ends_of_the_accepted_dates_answer()
    {
        var offer = Offer(new OfferSchedule([], [new OfferRecurrence("weekly", DayOfWeek.Friday, D(1900, 1, 1), null, null),
            new OfferRecurrence("monthly", DayOfWeek.Friday, D(1900, 1, 1), null, 5)], []));
        Assert.True(NearestLocations.RunsOn(offer, D(2999, 12, 27)));
        Assert.False(NearestLocations.RunsOn(offer, D(1900, 1, 1)));
    }
}

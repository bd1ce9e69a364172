using IdoPlatform.Web.Finder;

namespace IdoPlatform.Web.Tests.Finder;

/// <summary>The times shown with an offer's next dates: sessions and the recurrences that fall on the date.</summary>
public sealed class OfferTimesTests
{
    private static readonly OfferScheduleDto Schedule = new(
        [new SessionDto(new DateOnly(2026, 12, 10), "09:30", "11:30")],
        [
            new RecurrenceDto("weekly", "thursday", "14:00", "16:00", new DateOnly(2026, 1, 1), null, null),
            new RecurrenceDto("biweekly", "friday", "10:00", "12:00", new DateOnly(2026, 12, 4), null, null),
            new RecurrenceDto("monthly", "monday", "19:00", "21:00", new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), 5),
        ]);

    [Theory]
    [InlineData("2026-12-10", "09:30–11:30|14:00–16:00")] // a session and the weekly one, in order
    [InlineData("2026-12-17", "14:00–16:00")]
    [InlineData("2026-12-18", "10:00–12:00")]              // biweekly from 4 December
    [InlineData("2026-12-11", "")]                         // its week off
    [InlineData("2026-12-28", "19:00–21:00")]              // the last Monday of December
    [InlineData("2026-12-21", "")]
    public void Each_date_gets_the_times_that_fall_on_it(string date, string expected) =>
        Assert.Equal(expected, string.Join("|", OfferTimes.On(Schedule, DateOnly.Parse(date))));

    [Fact]
    public void The_finder_writes_each_date_with_its_times() =>
        Assert.Equal("donderdag 17 december, 14:00–16:00; vrijdag 18 december, 10:00–12:00",
            FinderText.Dates([new DateOnly(2026, 12, 17), new DateOnly(2026, 12, 18)], Schedule));
}

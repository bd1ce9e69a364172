using IdoPlatform.Web.Desk;

namespace IdoPlatform.Web.Tests.Desk;

/// <summary>A date and time typed at the desk are read on the Dutch clock, whatever the server's zone: winter time is
/// UTC+1, summer time UTC+2; the hour skipped in March is refused, the hour shown twice in October is its first time.</summary>
public sealed class DutchTimeTests
{
    [Theory]
    [InlineData("2026-01-14", "10:30", "2026-01-14T09:30:00Z")] // winter time
    [InlineData("2026-07-01", "10:30", "2026-07-01T08:30:00Z")] // summer time
    [InlineData("2026-03-29", "01:59", "2026-03-29T00:59:00Z")] // the night summer time starts: before…
    [InlineData("2026-03-29", "03:00", "2026-03-29T01:00:00Z")] // …and after the skipped hour
    [InlineData("2026-10-25", "02:30", "2026-10-25T00:30:00Z")] // shown twice: the first, still summer time
    [InlineData("2026-10-25", "03:30", "2026-10-25T02:30:00Z")]
    [InlineData("14-3-2026", "9.05", "2026-03-14T08:05:00Z")] // as typed into a browser without date and time fields
    [InlineData("2026-12-31", "23:59:30", "2026-12-31T22:59:30Z")]
    public void A_typed_date_and_time_is_a_dutch_clocks_time(string date, string time, string utc)
    {
        var (moment, refusal) = DutchTime.ReadLocal(date, time);

        Assert.Null(refusal);
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), moment);
    }

    [Theory]
    [InlineData("2026-03-29", "02:30", DutchTime.SkippedHour)]
    [InlineData("2026-03-29", "02:00", DutchTime.SkippedHour)]
    [InlineData("2026-02-30", "10:00", DutchTime.UnreadableDate)]
    [InlineData("gisteren", "10:00", DutchTime.UnreadableDate)]
    [InlineData("2026-03-14", "25:00", DutchTime.UnreadableTime)]
    [InlineData("2026-03-14", "10:30+01:00", DutchTime.UnreadableTime)]
    [InlineData("2026-03-14", null, DutchTime.DateAndTimeBoth)]
    [InlineData(null, "10:30", DutchTime.DateAndTimeBoth)]
    public void A_date_and_time_that_name_no_dutch_moment_are_refused_with_the_reason(string? date, string? time, string reason) =>
        Assert.Equal(((DateTimeOffset?)null, (string?)reason), DutchTime.ReadLocal(date, time));

    [Fact]
    public void Both_blank_is_no_moment_and_no_refusal() => Assert.Equal(((DateTimeOffset?)null, (string?)null), DutchTime.ReadLocal(null, null));
}

using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.SearchOffers;

namespace IdoPlatform.Offers.Tests.Domain;

/// <summary>"Volgende keer" starts from the Dutch day and time: a session that ended earlier today is not next.</summary>
public class NextSessionsTests
{
    // Saturdays 10:00–12:00 from December, and one evening session on Saturday 5 December.
    private static readonly OfferContent Content = Samples.Content() with
    {
        Schedule = new Schedule(
            [new Session(new DateOnly(2026, 12, 5), new TimeOnly(19, 0), new TimeOnly(21, 0))],
            [new Recurrence("weekly", DayOfWeek.Saturday, new TimeOnly(10, 0), new TimeOnly(12, 0), new DateOnly(2026, 12, 1), null, null)],
            []),
        ValidFrom = null, ValidTo = null,
    };

    private static string[] Next(string now) =>
        OfferHitResponse.Next(Content, DateTimeOffset.Parse(now)).Sessions.Select(s => $"{s.Date:MM-dd} {s.StartTime}").ToArray();

    [Fact]
    public void Today_keeps_only_the_sessions_not_yet_ended()
    {
        Assert.Equal(["12-05 10:00", "12-05 19:00", "12-12 10:00", "12-19 10:00"], Next("2026-12-05T08:59:00Z")); // 09:59 in Amsterdam
        Assert.Equal(["12-05 19:00", "12-12 10:00", "12-19 10:00"], Next("2026-12-05T19:45:00Z"));                // 20:45: the morning is over
        Assert.Equal(["12-12 10:00", "12-19 10:00", "12-26 10:00"], Next("2026-12-05T20:00:00Z"));                // 21:00: today is over
    }

    [Fact]
    public void Days_are_dutch_days()
    {
        // 23:30 UTC on 4 December is already Saturday 5 December, 00:30, in Amsterdam: that Saturday is next, both sessions.
        var (dates, _) = OfferHitResponse.Next(Content, DateTimeOffset.Parse("2026-12-04T23:30:00Z"));
        Assert.Equal([new DateOnly(2026, 12, 5), new DateOnly(2026, 12, 12), new DateOnly(2026, 12, 19)], dates);
    }
}

using IdoPlatform.Web.Finder;
using IdoPlatform.Web.Library;

namespace IdoPlatform.Web.Tests.Finder;

/// <summary>How the finder writes an offer's next dates with the times the offers service gives for them.</summary>
public sealed class NextDatesTextTests
{
    private static readonly DateOnly Today = new(2026, 12, 5);

    [Fact]
    public void Each_date_is_written_with_its_times_in_the_order_given()
    {
        SessionDto[] sessions =
        [
            new(new DateOnly(2026, 12, 17), "09:30", "11:30"), new(new DateOnly(2026, 12, 17), "14:00", "16:00"),
            new(new DateOnly(2026, 12, 18), "10:00", "12:00"),
        ];
        Assert.Equal("donderdag 17 december, 09:30–11:30 en 14:00–16:00; vrijdag 18 december, 10:00–12:00",
            FinderText.Dates([new DateOnly(2026, 12, 17), new DateOnly(2026, 12, 18)], sessions, Today));
    }

    [Fact]
    public void A_date_without_times_is_written_alone_and_no_dates_is_nothing()
    {
        Assert.Equal("maandag 21 december", FinderText.Dates([new DateOnly(2026, 12, 21)], null, Today));
        Assert.Null(FinderText.Dates([], [], Today));
    }

    [Fact]
    public void A_date_in_another_year_than_today_names_its_year()
    {
        SessionDto[] sessions = [new(new DateOnly(2027, 1, 4), "10:00", "12:00")];
        Assert.Equal("maandag 28 december; maandag 4 januari 2027, 10:00–12:00",
            FinderText.Dates([new DateOnly(2026, 12, 28), new DateOnly(2027, 1, 4)], sessions, Today));
    }
}

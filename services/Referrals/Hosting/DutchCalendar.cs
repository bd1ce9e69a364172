namespace IdoPlatform.Referrals.Hosting;

/// <summary>"Today" and day boundaries as a Dutch desk sees them, whatever the server's zone.</summary>
public static class DutchCalendar
{
    private static readonly TimeZoneInfo Amsterdam = Find();

    public static DateOnly Today(TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);

    /// <summary>The instant a Dutch calendar day starts.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc; // a machine without tzdata: near enough for day boundaries
        }
    }
}

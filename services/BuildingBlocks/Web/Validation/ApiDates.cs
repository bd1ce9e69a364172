namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>The dates a client may send, in a body or a query: years 1900 to 2999. At the edges of DateOnly
/// (0001-01-01, 9999-12-31) the day arithmetic behind every date filter and schedule (the next day, a Dutch day's
/// start in UTC, the next month) overflows into a 500, and no desk visit, referral, offer or report lies outside.</summary>
public static class ApiDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);
    public const string Reason = "Moet tussen 1900-01-01 en 2999-12-31 liggen.";

    public static bool InRange(DateOnly day) => day >= Earliest && day <= Latest;
}

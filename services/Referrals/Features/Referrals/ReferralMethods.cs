namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>How the agency hands the citizen over; the same codes registrations uses for onward referrals.</summary>
public static class ReferralMethods
{
    public const string NamedPlace = "named-place";
    public const string WarmHandover = "warm-handover";
    public const string CallbackRequest = "callback-request";

    public static readonly IReadOnlyList<string> All = [NamedPlace, WarmHandover, CallbackRequest];
}

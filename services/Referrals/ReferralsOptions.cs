namespace IdoPlatform.Referrals;

/// <summary>Settings from the configuration section <c>Referrals</c>.</summary>
public sealed class ReferralsOptions
{
    public const string Section = "Referrals";

    /// <summary>Days a referral code stays valid before it expires.</summary>
    public int ValidDays { get; set; } = 30;

    /// <summary>How often the expiry sweep looks for referrals whose time is up.</summary>
    public TimeSpan ExpirySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most nearby locations one look-up returns.</summary>
    public int MaxLookupLimit { get; set; } = 50;
}

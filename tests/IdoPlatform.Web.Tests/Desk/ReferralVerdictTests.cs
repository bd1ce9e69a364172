using IdoPlatform.Web.Pages.Balie;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Tests.Desk;

/// <summary>What the desk reads as it types a referral code.</summary>
public sealed class ReferralVerdictTests
{
    private static readonly DateTimeOffset Expires = new(2027, 1, 4, 23, 0, 0, TimeSpan.Zero);

    private static string Verdict(string status, DateTimeOffset now) =>
        IndexModel.Verdict(new ReferralDto("K7QF2M9D", "uwv", "uitkering", status, Expires), now);

    [Fact]
    public void An_issued_code_is_valid_until_its_expiry_moment_and_expired_from_then_before_the_sweep_says_so()
    {
        Assert.Equal("Geldige verwijscode.", Verdict("issued", Expires.AddTicks(-1)));
        Assert.Equal("Deze verwijscode is verlopen.", Verdict("issued", Expires));
        Assert.Equal("Deze verwijscode is al gebruikt.", Verdict("arrived", Expires.AddDays(1)));
        Assert.Equal("Deze verwijscode is ingetrokken.", Verdict("cancelled", Expires.AddDays(-1)));
    }
}

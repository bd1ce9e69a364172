using IdoPlatform.Web.Referrals;

namespace IdoPlatform.Web.Tests.Referrals;

/// <summary>A referral's history reads in Dutch, reasons included (they came through as the service's codes).</summary>
public sealed class ReferralTextTests
{
    [Theory]
    [InlineData("arrival-reversed", "Aankomst teruggedraaid (telt niet meer mee)")]
    [InlineData("arrival-ignored", "Code nogmaals gebruikt (niet meegeteld)")]
    public void Every_step_has_a_dutch_label(string kind, string label) => Assert.Equal(label, ReferralText.Step(kind));

    [Theory]
    [InlineData("visit-voided", "het bezoek is vervallen")]
    [InlineData("code-corrected", "de verwijscode van het bezoek is gecorrigeerd")]
    [InlineData("already-arrived", "de verwijzing was al aangekomen")]
    [InlineData("before-issue", "het bezoek was vóór de uitgifte")]
    public void Every_reason_has_a_dutch_label(string reason, string label) => Assert.Equal(label, ReferralText.StepReason(reason));
}

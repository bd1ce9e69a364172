using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Monitoring.Storage.Referrals;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class ReferralOutcomeEvolutionTests
{
    private static readonly DateTimeOffset Issued = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static ReferralOutcome? Fold(params object[] messages) =>
        messages.Aggregate((ReferralOutcome?)null, ReferralOutcomeEvolution.Evolve);

    [Fact]
    public void Counts_by_issue_day_and_ending()
    {
        var id = Guid.NewGuid();
        var outcome = Fold(new ReferralIssued(Referral(id), Issued, Issued.AddDays(30)),
            new ReferralArrived(Referral(id), Guid.NewGuid(), Issued.AddDays(2)));
        Assert.Equal(new DateOnly(2026, 3, 2), outcome!.IssuedOn);
        Assert.Equal(ReferralStatus.Arrived, outcome.Status);
    }

    [Fact]
    public void The_order_of_arrival_does_not_matter()
    {
        var id = Guid.NewGuid();
        object issued = new ReferralIssued(Referral(id), Issued, Issued.AddDays(30));
        object cancelled = new ReferralCancelled(Referral(id), Issued.AddDays(1));
        object expired = new ReferralExpired(Referral(id), Issued.AddDays(30));
        Assert.Equal(Fold(issued, cancelled, expired), Fold(expired, cancelled, issued));
        Assert.Equal(ReferralStatus.Cancelled, Fold(expired, cancelled, issued)!.Status);
    }

    [Fact]
    public void A_referral_heard_of_only_by_its_arrival_has_no_cohort_yet()
    {
        var outcome = Fold(new ReferralArrived(Referral(Guid.NewGuid()), Guid.NewGuid(), Issued));
        Assert.Null(outcome!.IssuedOn);
    }
}

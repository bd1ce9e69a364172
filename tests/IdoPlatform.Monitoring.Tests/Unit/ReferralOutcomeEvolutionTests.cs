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

    [Fact]
    public void A_reversed_arrival_opens_the_referral_again_in_whatever_order_the_messages_come()
    {
        var id = Guid.NewGuid();
        var visit = Guid.NewGuid();
        object issued = new ReferralIssued(Referral(id) with { Version = 1 }, Issued, Issued.AddDays(30));
        object arrived = new ReferralArrived(Referral(id) with { Version = 2 }, visit, Issued.AddDays(2));
        object reversed = new ReferralArrivalReversed(Referral(id) with { Version = 3 }, visit, "visit-voided", Issued.AddDays(3));

        var outcome = Fold(issued, arrived, reversed);
        Assert.Equal((ReferralStatus.Issued, (DateTimeOffset?)null, 3L), (outcome!.Status, outcome.EndedAt, outcome.Version));
        Assert.Equal(new DateOnly(2026, 3, 2), outcome.IssuedOn);
        Assert.Equal(outcome, Fold(reversed, arrived, issued));
        Assert.Equal(outcome, Fold(arrived, reversed, issued, arrived));
    }

    [Fact]
    public void After_a_reversal_the_newest_ending_counts()
    {
        var id = Guid.NewGuid();
        object issued = new ReferralIssued(Referral(id) with { Version = 1 }, Issued, Issued.AddDays(30));
        object arrived = new ReferralArrived(Referral(id) with { Version = 2 }, Guid.NewGuid(), Issued.AddDays(2));
        object reversed = new ReferralArrivalReversed(Referral(id) with { Version = 3 }, Guid.NewGuid(), "code-corrected", Issued.AddDays(3));
        object expired = new ReferralExpired(Referral(id) with { Version = 4 }, Issued.AddDays(30));

        Assert.Equal((ReferralStatus.Expired, Issued.AddDays(30)), Outcome(Fold(expired, arrived, reversed, issued)));
        // Arrived again through another visit: counted arrived, at that arrival.
        object again = new ReferralArrived(Referral(id) with { Version = 4 }, Guid.NewGuid(), Issued.AddDays(4));
        Assert.Equal((ReferralStatus.Arrived, Issued.AddDays(4)), Outcome(Fold(again, reversed, arrived, issued)));
    }

    [Fact]
    public void A_message_from_before_versions_were_carried_is_older_than_any_versioned_one()
    {
        var id = Guid.NewGuid();
        object legacyArrived = new ReferralArrived(Referral(id), Guid.NewGuid(), Issued.AddDays(2));
        object reversed = new ReferralArrivalReversed(Referral(id) with { Version = 3 }, Guid.NewGuid(), "visit-voided", Issued.AddDays(3));

        Assert.Equal(ReferralStatus.Issued, Fold(legacyArrived, reversed)!.Status);
        Assert.Equal(ReferralStatus.Issued, Fold(reversed, legacyArrived)!.Status);
    }

    private static (ReferralStatus, DateTimeOffset?) Outcome(ReferralOutcome? outcome) => (outcome!.Status, outcome.EndedAt);
}

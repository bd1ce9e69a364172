using IdoPlatform.Referrals.Features.RecordArrival;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Features.ReverseArrival;
using static IdoPlatform.Referrals.Tests.Domain.Samples;

namespace IdoPlatform.Referrals.Tests.Domain;

public class ArrivalReversalTests
{
    private static Referral Apply(Referral state, IEnumerable<object> events) =>
        events.Aggregate<object, Referral?>(state, Referral.Evolve)!;

    private static readonly VisitWithCode Visit = new(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(1));

    private static Referral Arrived() => Apply(Issued(), RecordArrival.Decide(Issued(), Visit));

    [Fact]
    public void A_void_of_the_visit_it_arrived_through_opens_the_referral_again()
    {
        var arrived = Arrived();
        var events = ReverseArrival.Decide(arrived, new ArrivalReversal(Visit.VisitId, ArrivalReversedReasons.VisitVoided, Now.AddDays(2)));

        var reversed = Assert.IsType<ReferralArrivalReversed>(Assert.Single(events));
        Assert.Equal((Visit.VisitId, "visit-voided", Now.AddDays(2)), (reversed.VisitId, reversed.Reason, reversed.ReversedAt));
        var state = Apply(arrived, events);
        Assert.Equal((ReferralStatus.Issued, (Guid?)null, (DateTimeOffset?)null), (state.Status, state.VisitId, state.EndedAt));
        Assert.True(state.IsOpen);
    }

    [Fact]
    public void Only_the_visit_it_arrived_through_can_reverse_the_arrival_and_only_once()
    {
        var arrived = Arrived();
        Assert.Empty(ReverseArrival.Decide(arrived, new ArrivalReversal(Guid.NewGuid(), ArrivalReversedReasons.VisitVoided, Now.AddDays(2))));

        var reversal = new ArrivalReversal(Visit.VisitId, ArrivalReversedReasons.CodeCorrected, Now.AddDays(2));
        var open = Apply(arrived, ReverseArrival.Decide(arrived, reversal));
        Assert.Empty(ReverseArrival.Decide(open, reversal)); // redelivered
        Assert.Empty(ReverseArrival.Decide(Issued(), reversal));
    }

    [Fact]
    public void A_reversal_after_the_validity_expires_the_referral_at_its_own_expiry_moment()
    {
        var arrived = Arrived();
        var events = ReverseArrival.Decide(arrived,
            new ArrivalReversal(Visit.VisitId, ArrivalReversedReasons.VisitVoided, arrived.ExpiresAt.AddHours(1)));

        Assert.Equal([typeof(ReferralArrivalReversed), typeof(ReferralExpired)], events.Select(e => e.GetType()));
        var state = Apply(arrived, events);
        Assert.Equal((ReferralStatus.Expired, arrived.ExpiresAt), (state.Status, state.EndedAt));
    }

    [Fact]
    public void A_visit_whose_arrival_was_reversed_arrives_again_when_its_code_is_corrected_back()
    {
        var arrived = Arrived();
        var open = Apply(arrived, ReverseArrival.Decide(arrived,
            new ArrivalReversal(Visit.VisitId, ArrivalReversedReasons.CodeCorrected, Now.AddDays(2))));

        var again = RecordArrival.Decide(open, Visit);
        Assert.IsType<ReferralArrivalRecorded>(Assert.Single(again));
        Assert.Empty(RecordArrival.Decide(Apply(open, again), Visit)); // redelivered
    }

    [Fact]
    public void Another_visit_ignored_while_arrived_may_arrive_once_the_arrival_is_reversed_and_is_kept_as_ignored_once()
    {
        var arrived = Arrived();
        var other = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(1).AddHours(1));
        var ignored = Apply(arrived, RecordArrival.Decide(arrived, other));
        Assert.Equal(1, ignored.IgnoredArrivals);
        Assert.Empty(RecordArrival.Decide(ignored, other)); // a later correction of the ignored visit: not kept twice

        var open = Apply(ignored, ReverseArrival.Decide(ignored,
            new ArrivalReversal(Visit.VisitId, ArrivalReversedReasons.VisitVoided, Now.AddDays(2))));
        var arrival = Assert.IsType<ReferralArrivalRecorded>(Assert.Single(RecordArrival.Decide(open, other)));
        Assert.Equal(other.VisitId, arrival.VisitId);
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.CancelReferral;
using IdoPlatform.Referrals.Features.ExpireReferrals;
using IdoPlatform.Referrals.Features.IssueReferral;
using IdoPlatform.Referrals.Features.RecordArrival;
using IdoPlatform.Referrals.Features.Referrals;
using static IdoPlatform.Referrals.Tests.Domain.Samples;

namespace IdoPlatform.Referrals.Tests.Domain;

public class ReferralLifecycleTests
{
    private static Referral Apply(Referral state, IEnumerable<object> events) =>
        events.Aggregate<object, Referral?>(state, Referral.Evolve)!;

    [Fact]
    public void A_valid_request_passes_and_issues_with_the_configured_validity()
    {
        var request = new IssueReferralRequest("toeslagen", "toeslagen", "NL-000001-0001", "warm-handover");
        Assert.Empty(IssueReferral.Validate(request, Catalogue(), Location(), Today));

        var issued = IssueReferral.Decide(Guid.NewGuid(), "K7QF-2M9D", request, Location(), Now, validDays: 14);
        Assert.Equal(DateTimeOffset.Parse("2026-12-17T23:00:00Z"), issued.ExpiresAt); // the end of 17 December in Amsterdam
        Assert.Equal("GM0546", issued.Referral.MunicipalityCode);
        Assert.Equal("warm-handover", issued.Referral.Method);
    }

    /// <summary>Valid through the whole Dutch day N days after the issue day (as the slip says), whatever the hour of
    /// issue: not until the hour of issue on that day. Days are Dutch days, clock changes included.</summary>
    [Theory]
    [InlineData("2026-12-03T08:00:00Z", 1, "2026-12-04T23:00:00Z")]  // 09:00 on 3 December: through 4 December
    [InlineData("2026-12-03T23:30:00Z", 1, "2026-12-05T23:00:00Z")]  // 23:30 UTC on 3 December is 00:30 on 4 December in Amsterdam
    [InlineData("2026-03-20T10:00:00Z", 10, "2026-03-30T22:00:00Z")] // summer time by then: the day ends at 22:00 UTC
    [InlineData("2026-10-20T10:00:00Z", 10, "2026-10-30T23:00:00Z")] // winter time by then
    public void A_referral_is_valid_through_the_dutch_day_its_validity_ends_on(string issuedAt, int validDays, string expiresAt)
    {
        var request = new IssueReferralRequest("toeslagen", "toeslagen", "NL-000001-0001", "warm-handover");
        var issued = IssueReferral.Decide(Guid.NewGuid(), "K7QF-2M9D", request, Location(), DateTimeOffset.Parse(issuedAt), validDays);
        Assert.Equal(DateTimeOffset.Parse(expiresAt), issued.ExpiresAt);
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var request = new IssueReferralRequest("nasa", "ruimtevaart", "NL-999999-9999", "telepathy");
        var errors = IssueReferral.Validate(request, Catalogue(), location: null, Today);
        Assert.Equal(["agency", "topic", "locationId", "method"], errors.Select(e => e.Name));
    }

    [Fact]
    public void Missing_fields_are_named_too()
    {
        var errors = IssueReferral.Validate(new IssueReferralRequest(null, " ", null, null), Catalogue(), null, Today);
        Assert.Equal(["agency", "topic", "locationId", "method"], errors.Select(e => e.Name));
    }

    [Fact]
    public void A_closed_location_or_one_without_ido_is_refused()
    {
        var request = new IssueReferralRequest("uwv", "uwv-uitkering", "NL-000001-0001", "named-place");
        Assert.Equal("locationId",
            Assert.Single(IssueReferral.Validate(request, Catalogue(), Location(closedOn: Today), Today)).Name);
        Assert.Equal("locationId",
            Assert.Single(IssueReferral.Validate(request, Catalogue(), Location(hasIdo: false), Today)).Name);
        // Closing later than today does not stop referrals yet.
        Assert.Empty(IssueReferral.Validate(request, Catalogue(), Location(closedOn: Today.AddDays(1)), Today));
    }

    [Fact]
    public void An_agency_that_left_the_npd_cannot_issue()
    {
        var request = new IssueReferralRequest("lbio", "alimentatie", "NL-000001-0001", "named-place");
        Assert.Equal("agency", Assert.Single(IssueReferral.Validate(request, Catalogue(), Location(), Today)).Name);
    }

    [Fact]
    public void A_visit_in_time_makes_the_referral_arrive()
    {
        var visit = new VisitWithCode(Guid.NewGuid(), "NL-000002-0001", Now.AddDays(3));
        var events = RecordArrival.Decide(Issued(), visit);
        var arrived = Assert.IsType<ReferralArrivalRecorded>(Assert.Single(events));
        Assert.Equal(visit.VisitId, arrived.VisitId);
        var state = Apply(Issued(), events);
        Assert.Equal(ReferralStatus.Arrived, state.Status);
        Assert.Equal(visit.VisitId, state.VisitId);
    }

    [Fact]
    public void A_second_visit_changes_nothing_but_is_kept_as_ignored()
    {
        var first = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(1));
        var arrived = Apply(Issued(), RecordArrival.Decide(Issued(), first));

        var second = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(2));
        var events = RecordArrival.Decide(arrived, second);
        var ignored = Assert.IsType<ReferralArrivalIgnored>(Assert.Single(events));
        Assert.Equal(ArrivalIgnoredReasons.AlreadyArrived, ignored.Reason);

        var after = Apply(arrived, events);
        Assert.Equal(first.VisitId, after.VisitId);
        Assert.Equal(ReferralStatus.Arrived, after.Status);
        Assert.Equal(1, after.IgnoredArrivals);
    }

    [Fact]
    public void The_same_visit_again_is_a_no_op()
    {
        var visit = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(1));
        var arrived = Apply(Issued(), RecordArrival.Decide(Issued(), visit));
        Assert.Empty(RecordArrival.Decide(arrived, visit));
    }

    [Fact]
    public void An_ignored_visit_seen_again_adds_no_second_attempt()
    {
        var first = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(1));
        var arrived = Apply(Issued(), RecordArrival.Decide(Issued(), first));
        var second = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(2));
        var once = Apply(arrived, RecordArrival.Decide(arrived, second));
        Assert.Empty(RecordArrival.Decide(once, second));
    }

    [Fact]
    public void A_visit_after_expiry_expires_the_referral_and_is_ignored()
    {
        var visit = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(31));
        var events = RecordArrival.Decide(Issued(validDays: 30), visit);
        Assert.Collection(events,
            e => Assert.Equal(Now.AddDays(30), Assert.IsType<ReferralExpired>(e).ExpiredAt),
            e => Assert.Equal(ArrivalIgnoredReasons.Expired, Assert.IsType<ReferralArrivalIgnored>(e).Reason));
        Assert.Equal(ReferralStatus.Expired, Apply(Issued(), events).Status);
    }

    [Fact]
    public void A_visit_to_a_cancelled_or_expired_referral_is_ignored_with_its_reason()
    {
        var cancelled = Apply(Issued(), CancelReferral.Decide(Issued(), Now.AddHours(1)).Events);
        var expired = Apply(Issued(), ExpireReferral.Decide(Issued(), Now.AddDays(30)));
        var visit = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(2));

        Assert.Equal(ArrivalIgnoredReasons.Cancelled,
            Assert.IsType<ReferralArrivalIgnored>(Assert.Single(RecordArrival.Decide(cancelled, visit))).Reason);
        Assert.Equal(ArrivalIgnoredReasons.Expired,
            Assert.IsType<ReferralArrivalIgnored>(Assert.Single(RecordArrival.Decide(expired, visit))).Reason);
    }

    [Fact]
    public void A_visit_before_the_referral_was_issued_is_ignored()
    {
        var visit = new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(-1));
        Assert.Equal(ArrivalIgnoredReasons.BeforeIssue,
            Assert.IsType<ReferralArrivalIgnored>(Assert.Single(RecordArrival.Decide(Issued(), visit))).Reason);
    }

    [Fact]
    public void Expiry_happens_exactly_at_the_configured_moment()
    {
        var referral = Issued(validDays: 30);
        Assert.Empty(ExpireReferral.Decide(referral, Now.AddDays(30).AddTicks(-1)));
        var expired = Assert.IsType<ReferralExpired>(Assert.Single(ExpireReferral.Decide(referral, Now.AddDays(45))));
        Assert.Equal(Now.AddDays(30), expired.ExpiredAt);
        Assert.Empty(ExpireReferral.Decide(Apply(referral, [expired]), Now.AddDays(60)));
    }

    [Fact]
    public void Cancelling_is_idempotent_and_impossible_once_ended()
    {
        var cancel = CancelReferral.Decide(Issued(), Now.AddHours(1));
        Assert.IsType<ReferralCancelled>(Assert.Single(cancel.Events));
        var cancelled = Apply(Issued(), cancel.Events);
        Assert.Equal(ReferralStatus.Cancelled, cancelled.Status);
        Assert.Equal(Decision.Unchanged, CancelReferral.Decide(cancelled, Now.AddHours(2)));

        var arrived = Apply(Issued(),
            RecordArrival.Decide(Issued(), new VisitWithCode(Guid.NewGuid(), "NL-000001-0001", Now.AddDays(1))));
        var refused = CancelReferral.Decide(arrived, Now.AddDays(2));
        Assert.Empty(refused.Events);
        Assert.Equal(CancelReferral.AlreadyEnded(ReferralStatus.Arrived), refused.Rejection);
    }

    [Fact]
    public void Cancelling_after_the_expiry_moment_writes_the_expiry_instead()
    {
        var decision = CancelReferral.Decide(Issued(), Now.AddDays(31));
        Assert.False(decision.IsRejected);
        Assert.IsType<ReferralExpired>(Assert.Single(decision.Events));
        Assert.Equal(ReferralStatus.Expired, Apply(Issued(), decision.Events).Status);
    }
}

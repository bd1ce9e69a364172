using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Tests.Integration;

[Collection(ReferralsCollection.Name)]
public class ReferralExpiryTests(ReferralsApp app)
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task A_referral_expires_after_the_configured_days_and_a_late_visit_changes_nothing()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "svb", location, topic: "pensioen-aow");

        // One hour short of the end of its last day: the sweep leaves it alone.
        app.Clock.Advance(issued.ExpiresAt - app.Clock.GetUtcNow() - TimeSpan.FromHours(1));
        await app.SweepExpired();
        Assert.Equal(ReferralStatus.Issued, (await ReferralTestData.Detail(app, "svb", issued.Code)).Referral.Status);

        app.Clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await app.SweepExpired() >= 1);
        var expired = await ReferralTestData.Detail(app, "svb", issued.Code);
        Assert.Equal(ReferralStatus.Expired, expired.Referral.Status);
        Assert.Equal(issued.ExpiresAt, expired.Referral.EndedAt);
        Assert.Equal(0, await app.SweepExpired()); // nothing left to do, nothing done twice

        // The citizen turns up too late: recorded as an ignored attempt, the referral stays expired.
        await app.Publish(ReferralTestData.Visit(location, Organisation, issued.Code, app.Clock.GetUtcNow()));
        var after = await Eventually.Get(async () => await ReferralTestData.Detail(app, "svb", issued.Code),
            d => d.History.Any(h => h.Kind == "arrival-ignored"), "the late visit is recorded");
        Assert.Equal(ReferralStatus.Expired, after.Referral.Status);
        Assert.Null(after.Referral.VisitId);
        Assert.Equal("expired", after.History.Single(h => h.Kind == "arrival-ignored").Reason);

        Assert.Equal(["ReferralIssued", "ReferralExpired"], await app.Relayed.TypesFor(issued.Code, "ReferralExpired"));
    }

    [Fact]
    public async Task A_visit_after_the_expiry_moment_expires_the_referral_even_before_the_sweep()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "duo", location, topic: "studiefinanciering");
        app.Clock.Advance(issued.ExpiresAt - app.Clock.GetUtcNow() + TimeSpan.FromHours(1));

        await app.Publish(ReferralTestData.Visit(location, Organisation, issued.Code, app.Clock.GetUtcNow()));
        var after = await Eventually.Get(async () => await ReferralTestData.Detail(app, "duo", issued.Code),
            d => d.Referral.Status == ReferralStatus.Expired, "the late visit expired the referral");
        Assert.Equal(["issued", "expired", "arrival-ignored"], after.History.Select(h => h.Kind));
    }
}

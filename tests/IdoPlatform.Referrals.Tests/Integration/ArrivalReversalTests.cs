using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Referrals.Features.RecordArrival;
using IdoPlatform.Referrals.Features.Referrals;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>A voided visit, or one whose code is corrected away, no longer counts as the referral's arrival.</summary>
[Collection(ReferralsCollection.Name)]
public class ArrivalReversalTests(ReferralsApp app)
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private Task<ReferralDetailResponse> WaitFor(string code, Func<ReferralDetailResponse, bool> done, string what) =>
        ReferralTestData.WaitFor(app, code, done, what);

    private static VisitSnapshot Version(VisitSnapshot visit, int version, string? code) =>
        visit with { Version = version, ReferralCode = code };

    private async Task Handled(Guid messageId) =>
        await Eventually.Get(async () => await Inbox.WasHandled(app.Services.GetRequiredService<NpgsqlDataSource>(),
            VisitConsumer.InboxName, messageId) ? "handled" : null, _ => true, $"message {messageId} was handled");

    /// <summary>A referral that arrived through a registered visit.</summary>
    private async Task<(ReferralResponse Issued, VisitRegistered Visit)> Arrived()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "toeslagen", location);
        var visit = ReferralTestData.Visit(location, Organisation, issued.Code, app.Clock.GetUtcNow());
        await app.Publish(visit);
        await WaitFor(issued.Code, d => d.Referral.Status == ReferralStatus.Arrived, "the referral arrived");
        return (issued, visit);
    }

    [Fact]
    public async Task Voiding_the_visit_opens_the_referral_again_and_tells_the_platform()
    {
        var (issued, visit) = await Arrived();

        var voidedAt = app.Clock.GetUtcNow().AddMinutes(5);
        await app.Publish(new VisitVoided(Version(visit.Visit, 2, issued.Code), voidedAt));
        var after = await WaitFor(issued.Code, d => d.History.Any(h => h.Kind == "arrival-reversed"), "the arrival is reversed");

        Assert.Equal((ReferralStatus.Issued, (Guid?)null, (DateTimeOffset?)null), (after.Referral.Status, after.Referral.VisitId, after.Referral.EndedAt));
        Assert.Equal(["issued", "arrived", "arrival-reversed"], after.History.Select(h => h.Kind));
        var reversed = after.History.Last();
        Assert.Equal((visit.Visit.VisitId, "visit-voided", voidedAt), (reversed.VisitId!.Value, reversed.Reason, reversed.OccurredAt));
        var stored = await app.Services.GetRequiredService<EventStreams>().History(issued.Id);
        Assert.Equal("referral-arrival-reversed", stored.Last().TypeAlias);
        Assert.Equal(VisitConsumer.InboxName, stored.Last().Metadata.Actor);
        Assert.Equal(["ReferralIssued", "ReferralArrived", "ReferralArrivalReversed"],
            await app.Relayed.TypesFor(issued.Code, "ReferralArrivalReversed"));

        // The agency's list counts it open again.
        var open = await app.Client(ReferralsApp.Agency("toeslagen")).GetAsync("/referrals/v1/referrals?status=issued&pageSize=100");
        Assert.Contains((await open.Read<Paged<ReferralResponse>>()).Items, r => r.Code == issued.Code);
    }

    [Fact]
    public async Task Correcting_the_code_moves_the_arrival_and_taking_it_away_reverses_it()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var a = await ReferralTestData.Issue(app, "toeslagen", location);
        var b = await ReferralTestData.Issue(app, "toeslagen", location);
        var visit = ReferralTestData.Visit(location, Organisation, null, app.Clock.GetUtcNow()).Visit;
        var at = app.Clock.GetUtcNow();

        await app.Publish(new VisitCorrected(Version(visit, 2, a.Code), at));
        await WaitFor(a.Code, d => d.Referral.Status == ReferralStatus.Arrived, "A arrived");

        await app.Publish(new VisitCorrected(Version(visit, 3, b.Code), at.AddMinutes(1)));
        var bArrived = await WaitFor(b.Code, d => d.Referral.Status == ReferralStatus.Arrived, "B arrived");
        Assert.Equal(visit.VisitId, bArrived.Referral.VisitId);
        var aAfter = await WaitFor(a.Code, d => d.Referral.Status == ReferralStatus.Issued, "A is open again");
        Assert.Equal(("arrival-reversed", "code-corrected"), (aAfter.History.Last().Kind, aAfter.History.Last().Reason));

        // Without a code the correction still reaches referrals (the routing header is on every correction).
        await app.Publish(new VisitCorrected(Version(visit, 4, null), at.AddMinutes(2)));
        var bAfter = await WaitFor(b.Code, d => d.Referral.Status == ReferralStatus.Issued, "B is open again");
        Assert.Equal(["issued", "arrived", "arrival-reversed"], bAfter.History.Select(h => h.Kind));
        Assert.Equal(ReferralStatus.Issued, (await ReferralTestData.Detail(app, "toeslagen", a.Code)).Referral.Status);
    }

    [Fact]
    public async Task An_older_message_handled_after_the_void_does_not_make_the_referral_arrive()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "toeslagen", location);
        var visit = ReferralTestData.Visit(location, Organisation, issued.Code, app.Clock.GetUtcNow());

        var voided = Guid.NewGuid();
        await app.Publish(new VisitVoided(Version(visit.Visit, 2, issued.Code), app.Clock.GetUtcNow()), voided);
        await Handled(voided);
        var registered = Guid.NewGuid();
        await app.Publish(visit, registered);
        await Handled(registered);

        var after = await ReferralTestData.Detail(app, "toeslagen", issued.Code);
        Assert.Equal(ReferralStatus.Issued, after.Referral.Status);
        Assert.Equal(["issued"], after.History.Select(h => h.Kind));
    }

    [Fact]
    public async Task A_void_of_an_ignored_visit_leaves_the_arrival_through_another_visit_alone()
    {
        var (issued, first) = await Arrived();
        var second = ReferralTestData.Visit(issued.LocationId, Organisation, issued.Code, app.Clock.GetUtcNow());
        await app.Publish(second);
        await WaitFor(issued.Code, d => d.History.Any(h => h.Kind == "arrival-ignored"), "the second visit is ignored");

        var voided = Guid.NewGuid();
        await app.Publish(new VisitVoided(Version(second.Visit, 2, issued.Code), app.Clock.GetUtcNow()), voided);
        await Handled(voided);

        var after = await ReferralTestData.Detail(app, "toeslagen", issued.Code);
        Assert.Equal((ReferralStatus.Arrived, first.Visit.VisitId), (after.Referral.Status, after.Referral.VisitId!.Value));
        Assert.Equal(["issued", "arrived", "arrival-ignored"], after.History.Select(h => h.Kind));
    }

    [Fact]
    public async Task A_void_after_the_validity_ends_the_referral_as_expired()
    {
        var (issued, visit) = await Arrived();

        await app.Publish(new VisitVoided(Version(visit.Visit, 2, issued.Code), issued.ExpiresAt.AddHours(1)));
        var after = await WaitFor(issued.Code, d => d.Referral.Status == ReferralStatus.Expired, "the referral expired");
        Assert.Equal(issued.ExpiresAt, after.Referral.EndedAt);
        Assert.Equal(["issued", "arrived", "arrival-reversed", "expired"], after.History.Select(h => h.Kind));
    }
}

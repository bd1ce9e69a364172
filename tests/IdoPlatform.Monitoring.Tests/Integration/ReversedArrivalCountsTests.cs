using IdoPlatform.Contracts.Referrals;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>A reversed arrival (its visit voided, its code corrected away) takes the referral out of the arrived count,
/// live and after a rebuild from the log.</summary>
public class ReversedArrivalCountsTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private static readonly DateTimeOffset Issued = new(2026, 4, 7, 9, 0, 0, TimeSpan.Zero);
    private const string Outcomes = "/monitoring/v1/referral-outcomes?from=2026-04-01&to=2026-04-30&groupBy=agency";

    private async Task<string> Counts() =>
        string.Join(" | ", (await Reports.Rows(app.Client(MonitoringApp.Monitor()), Outcomes)).Select(r =>
            $"{r.Text("agency")} issued {r.Number("issued")} arrived {r.Number("arrived")} expired {r.Number("expired")} open {r.Number("open")}"));

    [Fact]
    public async Task A_reversed_arrival_is_no_longer_counted_and_one_that_arrived_elsewhere_is()
    {
        var voided = Referral(Guid.NewGuid(), agency: "duo", topic: "studiefinanciering");
        var moved = Referral(Guid.NewGuid(), agency: "duo", topic: "studiefinanciering");
        var visit = Guid.NewGuid();
        await app.Send(new ReferralIssued(voided with { Version = 1 }, Issued, Issued.AddDays(30)));
        await app.Send(new ReferralIssued(moved with { Version = 1 }, Issued, Issued.AddDays(30)));
        await app.Send(new ReferralArrived(voided with { Version = 2 }, visit, Issued.AddDays(1)));
        await app.WaitUntilCounted();
        Assert.Equal("duo issued 2 arrived 1 expired 0 open 1", await Counts());

        // The visit is voided: reversed. The other referral arrives, is reversed (code corrected away), then arrives again.
        await app.Send(new ReferralArrivalReversed(voided with { Version = 3 }, visit, "visit-voided", Issued.AddDays(2)));
        await app.Send(new ReferralArrived(moved with { Version = 2 }, visit, Issued.AddDays(1)));
        await app.Send(new ReferralArrivalReversed(moved with { Version = 3 }, visit, "code-corrected", Issued.AddDays(3)));
        await app.Send(new ReferralArrived(moved with { Version = 4 }, visit, Issued.AddDays(1)));
        await app.WaitUntilCounted();
        Assert.Equal("duo issued 2 arrived 1 expired 0 open 1", await Counts());
        Assert.Equal("issued", await app.Scalar<string>(
            $"SELECT status FROM mon_v1_referrals WHERE referral_id = '{voided.ReferralId}'"));

        // The log gives the same counts (the new message is read back by its stored name).
        await Reports.RebuildCompleted(app.Client(MonitoringApp.PlatformAdmin()));
        Assert.Equal("duo issued 2 arrived 1 expired 0 open 1", await Counts());
    }
}

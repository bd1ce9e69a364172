using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;

namespace IdoPlatform.EndToEnd.Tests.Journeys;

/// <summary>Journey 2: an agency refers a citizen to an IDO with a code; the desk registers the visit with that
/// code; referrals sees the referral arrive (from registrations' event) and monitoring counts the outcome.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ReferralArrivesAtTheDeskTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_visit_carrying_the_code_makes_the_referral_arrive_and_monitoring_counts_it()
    {
        var location = platform.Seeds.ReferralJourneyLocation;
        using var agency = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.Toeslagen));
        using var desk = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.DeskA));

        var issued = (await agency.PostAsync("referrals/v1/referrals", Bodies.Referral("toeslagen", "toeslagen", location, "warm-handover")))
            .Expect(HttpStatusCode.Created);
        var code = issued.Json["code"]!.GetValue<string>();
        Assert.Equal("issued", issued.Json["status"]!.GetValue<string>());

        var visit = (await desk.PostAsync("registrations/v1/visits", Bodies.Visit(location, "toeslagen", referralCode: code)))
            .Expect(HttpStatusCode.Created);
        var visitId = visit.Json["id"]!.GetValue<Guid>();

        var arrived = await Eventually.Until(() => agency.GetAsync($"referrals/v1/referrals/{code}"),
            r => r.Status == HttpStatusCode.OK && r.Json["referral"]!["status"]!.GetValue<string>() == "arrived",
            TimeSpan.FromSeconds(30), $"referral {code} to arrive");
        Assert.Equal(visitId, arrived.Json["referral"]!["visitId"]!.GetValue<Guid>());
        Assert.Contains(arrived.Json["history"]!.AsArray(), h => h!["kind"]!.GetValue<string>() == "arrived");

        // The desk of the organisation referred to sees it too; the agency's own list shows it arrived.
        var atDesk = (await desk.GetAsync($"referrals/v1/referrals/{code}")).Expect(HttpStatusCode.OK);
        Assert.Equal("arrived", atDesk.Json["referral"]!["status"]!.GetValue<string>());
        var list = (await agency.GetAsync("referrals/v1/referrals?status=arrived&pageSize=100")).Expect(HttpStatusCode.OK);
        Assert.Contains(list.Json["items"]!.AsArray(), r => r!["code"]!.GetValue<string>() == code);

        // Monitoring: of toeslagen's referrals on this topic issued around today, exactly this one, arrived.
        var outcomes = await Eventually.Until(
            () => agency.GetAsync($"monitoring/v1/referral-outcomes?{DutchDays.RangeAroundToday}&groupBy=agency,topic&agency=toeslagen&topic=toeslagen"),
            r => Reports.Rows(r) is [var row] && Reports.Long(row, "arrived") == 1,
            TimeSpan.FromSeconds(30), "monitoring to count the arrival");
        var counted = Reports.Rows(outcomes).Single();
        Assert.Equal(1, Reports.Long(counted, "issued"));
        Assert.Equal(0, Reports.Long(counted, "open"));
        Assert.Equal(1.0, counted["arrivalRate"]!.GetValue<double>());

        // The organisation referred to counts it among the referrals to its locations; another organisation does not.
        var outcomesQuery = $"monitoring/v1/referral-outcomes?{DutchDays.RangeAroundToday}&groupBy=agency,topic&agency=toeslagen&topic=toeslagen";
        using var ownAdmin = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.AdminA));
        var own = (await ownAdmin.GetAsync(outcomesQuery)).Expect(HttpStatusCode.OK);
        Assert.Equal(1, Reports.Long(Reports.Rows(own).Single(), "arrived"));
        using var otherAdmin = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.AdminB));
        var other = (await otherAdmin.GetAsync(outcomesQuery)).Expect(HttpStatusCode.OK);
        Assert.True(Reports.Rows(other).All(r => Reports.Long(r, "issued") is null or 0), $"Organisation B sees a referral to organisation A: {other}");

        // A second visit with the same code changes nothing, and says so in the referral's history.
        (await desk.PostAsync("registrations/v1/visits", Bodies.Visit(location, "toeslagen", referralCode: code))).Expect(HttpStatusCode.Created);
        var twice = await Eventually.Until(() => agency.GetAsync($"referrals/v1/referrals/{code}"),
            r => r.Status == HttpStatusCode.OK && r.Json["referral"]!["ignoredArrivals"]!.GetValue<int>() == 1,
            TimeSpan.FromSeconds(30), $"the second arrival of {code} to be recorded as ignored");
        Assert.Equal("arrived", twice.Json["referral"]!["status"]!.GetValue<string>());
        Assert.Equal(visitId, twice.Json["referral"]!["visitId"]!.GetValue<Guid>());
        var again = (await agency.GetAsync($"monitoring/v1/referral-outcomes?{DutchDays.RangeAroundToday}&groupBy=agency,topic&agency=toeslagen&topic=toeslagen"))
            .Expect(HttpStatusCode.OK);
        Assert.Equal(1, Reports.Long(Reports.Rows(again).Single(), "arrived"));
    }
}

using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;

namespace IdoPlatform.EndToEnd.Tests.Journeys;

/// <summary>Journey 2b: the visit that made a referral arrive is voided, or its code corrected to another referral's:
/// referrals opens the first referral again (from registrations' event, through the routing filter) and monitoring
/// stops counting its arrival. Each test counts its own topic of toeslagen's referrals.</summary>
[Collection(PlatformCollection.Name)]
public sealed class VoidedOrCorrectedArrivalTests(PlatformFixture platform)
{
    [Fact]
    public async Task Voiding_the_visit_opens_the_referral_again_and_monitoring_counts_it_open()
    {
        using var agency = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.Toeslagen));
        using var desk = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.DeskA));
        var location = platform.Seeds.ReferralJourneyLocation;
        var code = await Issue(agency, location, "huur");
        var visit = (await desk.PostAsync("registrations/v1/visits", Bodies.Visit(location, "huur", referralCode: code)))
            .Expect(HttpStatusCode.Created);
        await StatusBecomes(agency, code, "arrived");
        await OutcomesBecome(agency, "huur", arrived: 1, open: 0);

        (await desk.PostAsync($"registrations/v1/visits/{visit.Json["id"]}/voiding", Bodies.Voiding("Verkeerde bezoeker"),
            Headers.IfMatch(visit))).Expect(HttpStatusCode.OK);
        var reopened = await StatusBecomes(agency, code, "issued");
        var last = reopened.Json["history"]!.AsArray().Last()!;
        Assert.Equal(("arrival-reversed", "visit-voided"), (last["kind"]!.GetValue<string>(), last["reason"]!.GetValue<string>()));
        await OutcomesBecome(agency, "huur", arrived: 0, open: 1);
    }

    [Fact]
    public async Task Correcting_the_code_moves_the_arrival_and_removing_it_reverses_it()
    {
        using var agency = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.Toeslagen));
        using var desk = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.DeskA));
        var location = platform.Seeds.ReferralJourneyLocation;
        var first = await Issue(agency, location, "zorg");
        var second = await Issue(agency, location, "zorg");
        var visit = (await desk.PostAsync("registrations/v1/visits", Bodies.Visit(location, "zorg", referralCode: first)))
            .Expect(HttpStatusCode.Created);
        var visitId = visit.Json["id"]!.GetValue<Guid>();
        await StatusBecomes(agency, first, "arrived");

        var moved = (await desk.PutAsync($"registrations/v1/visits/{visitId}",
            Bodies.Correction(location, [Bodies.Question("zorg")], "Code verkeerd overgenomen", referralCode: second),
            Headers.IfMatch(visit))).Expect(HttpStatusCode.OK);
        var arrived = await StatusBecomes(agency, second, "arrived");
        Assert.Equal(visitId, arrived.Json["referral"]!["visitId"]!.GetValue<Guid>());
        await StatusBecomes(agency, first, "issued");
        await OutcomesBecome(agency, "zorg", arrived: 1, open: 1);

        // Without a code the correction still reaches referrals: both open.
        (await desk.PutAsync($"registrations/v1/visits/{visitId}",
            Bodies.Correction(location, [Bodies.Question("zorg")], "Toch geen verwijzing"), Headers.IfMatch(moved))).Expect(HttpStatusCode.OK);
        await StatusBecomes(agency, second, "issued");
        await OutcomesBecome(agency, "zorg", arrived: 0, open: 2);
    }

    private static async Task<string> Issue(ApiClient agency, string location, string topic) =>
        (await agency.PostAsync("referrals/v1/referrals", Bodies.Referral("toeslagen", topic, location)))
            .Expect(HttpStatusCode.Created).Json["code"]!.GetValue<string>();

    private static Task<ApiResponse> StatusBecomes(ApiClient agency, string code, string status) =>
        Eventually.Until(() => agency.GetAsync($"referrals/v1/referrals/{code}"),
            r => r.Status == HttpStatusCode.OK && r.Json["referral"]!["status"]!.GetValue<string>() == status,
            TimeSpan.FromSeconds(30), $"referral {code} to be {status}");

    private static Task<ApiResponse> OutcomesBecome(ApiClient agency, string topic, long arrived, long open) =>
        Eventually.Until(
            () => agency.GetAsync($"monitoring/v1/referral-outcomes?{DutchDays.RangeAroundToday}&groupBy=agency,topic&agency=toeslagen&topic={topic}"),
            r => Reports.Rows(r) is [var row] && Reports.Long(row, "arrived") == arrived && Reports.Long(row, "open") == open,
            TimeSpan.FromSeconds(30), $"monitoring to count {arrived} arrived and {open} open of toeslagen's {topic} referrals");
}

using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;

namespace IdoPlatform.EndToEnd.Tests.Journeys;

/// <summary>Journey 5: a desk's note slipped personal data past the screen; the platform admin erases it. The desk
/// then reads "verwijderd", and monitoring, which never held the note, counts the visit as before.</summary>
[Collection(PlatformCollection.Name)]
public sealed class ErasedNoteLeavesCountsAloneTests(PlatformFixture platform)
{
    private const string Slipped = "Mevrouw kwam met haar dochter Anna";

    [Fact]
    public async Task Erasing_a_note_masks_it_for_the_desk_and_leaves_monitorings_counts_as_they_were()
    {
        var location = platform.Seeds.ErasureJourneyLocation;
        using var desk = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.DeskB));
        using var admin = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.AdminB));
        using var platformAdmin = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.PlatformAdmin));

        var registered = (await desk.PostAsync("registrations/v1/visits",
            Bodies.Visit(location, [Bodies.Question("digid"), Bodies.Question("toeslagen")], note: Slipped))).Expect(HttpStatusCode.Created);
        var visitId = registered.Json["id"]!.GetValue<Guid>();
        await TotalsBecome(admin, location, (1, 2), "after the registration");

        // The desk itself may not erase; the platform admin may.
        (await desk.PostAsync($"registrations/v1/visits/{visitId}/note-erasure", new { reason = "Naam in de notitie" }))
            .Expect(HttpStatusCode.Forbidden);
        var erased = (await platformAdmin.PostAsync($"registrations/v1/visits/{visitId}/note-erasure", new { reason = "Naam in de notitie" }))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("verwijderd", erased.Json["note"]!.GetValue<string>());

        // A later visit at the same place goes through the same relay and consumer after the erasure: once it is
        // counted, monitoring has seen all the erasure could have changed, and the first visit still counts once.
        (await desk.PostAsync("registrations/v1/visits", Bodies.Visit(location, "digid"))).Expect(HttpStatusCode.Created);
        await TotalsBecome(admin, location, (2, 3), "after the erasure and one more visit");

        var shown = (await desk.GetAsync($"registrations/v1/visits/{visitId}")).Expect(HttpStatusCode.OK);
        Assert.Equal("verwijderd", shown.Json["note"]!.GetValue<string>());
        var history = (await desk.GetAsync($"registrations/v1/visits/{visitId}/history")).Expect(HttpStatusCode.OK);
        Assert.Equal(["registered", "note-erased"], history.Json["entries"]!.AsArray().Select(e => e!["event"]!.GetValue<string>()));
        Assert.DoesNotContain("Anna", history.Json.ToJsonString());
    }

    private async Task TotalsBecome(ApiClient admin, string location, (long Visits, long Questions) expected, string when) =>
        await Eventually.Until(async () => Reports.Totals((await admin.GetAsync(
                $"monitoring/v1/question-counts?{DutchDays.RangeAroundToday}&location={location}&groupBy=location")).Expect(HttpStatusCode.OK)),
            totals => totals == expected, TimeSpan.FromSeconds(30), $"visits and questions at {location} {when} to be exactly {expected}");
}

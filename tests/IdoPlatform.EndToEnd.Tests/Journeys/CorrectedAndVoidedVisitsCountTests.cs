using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;

namespace IdoPlatform.EndToEnd.Tests.Journeys;

/// <summary>Journey 3: the desk registers a visit, corrects it (If-Match) and voids it; monitoring's question
/// counts follow each step exactly. Read as the organisation's library admin, who sees its own locations
/// unsuppressed; a national monitor sees the same one-visit cell suppressed.</summary>
[Collection(PlatformCollection.Name)]
public sealed class CorrectedAndVoidedVisitsCountTests(PlatformFixture platform)
{
    private sealed record Counts(long Visits, long Questions, string Topics, string Channels)
    {
        public override string ToString() => $"visits {Visits}, questions {Questions}, topics [{Topics}], channels [{Channels}]";
    }

    [Fact]
    public async Task Question_counts_follow_a_registration_its_correction_and_its_voiding()
    {
        var location = platform.Seeds.CorrectionJourneyLocation;
        using var desk = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.DeskA));
        using var admin = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.AdminA));
        using var monitor = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.Monitor));

        var registered = (await desk.PostAsync("registrations/v1/visits",
            Bodies.Visit(location, [Bodies.Question("digid"), Bodies.Question("toeslagen", "20-30", "toeslagen")]))).Expect(HttpStatusCode.Created);
        var visitId = registered.Json["id"]!.GetValue<Guid>();
        await CountsBecome(admin, location, new Counts(1, 2, "digid=1,toeslagen=1", "in-person=1"), "after the registration");

        // A national role sees a cell of one visit at one location only as suppressed: never the number.
        var national = (await monitor.GetAsync($"monitoring/v1/question-counts?{DutchDays.RangeAroundToday}&groupBy=location&location={location}"))
            .Expect(HttpStatusCode.OK);
        var cell = Assert.Single(Reports.Rows(national));
        Assert.True(cell["suppressed"]!.GetValue<bool>(), $"A one-visit cell must be suppressed for a monitor: {national}");
        Assert.Null(Reports.Long(cell, "visits"));
        Assert.Null(Reports.Long(cell, "questions"));

        var current = (await desk.GetAsync($"registrations/v1/visits/{visitId}")).Expect(HttpStatusCode.OK);
        var corrected = (await desk.PutAsync($"registrations/v1/visits/{visitId}",
            Bodies.Correction(location, [Bodies.Question("belastingen"), Bodies.Question("toeslagen"), Bodies.Question("zorg", "30-60")],
                "Onderwerpen verkeerd gekozen", channel: "phone"), Headers.IfMatch(current))).Expect(HttpStatusCode.OK);
        // The ETag the correction was made with is stale now.
        (await desk.PutAsync($"registrations/v1/visits/{visitId}",
            Bodies.Correction(location, [Bodies.Question("overig")], "Nog een keer"), Headers.IfMatch(current))).Expect(HttpStatusCode.PreconditionFailed);
        await CountsBecome(admin, location, new Counts(1, 3, "belastingen=1,toeslagen=1,zorg=1", "phone=1"), "after the correction");

        (await desk.PostAsync($"registrations/v1/visits/{visitId}/voiding", Bodies.Voiding("Dubbel geregistreerd"), Headers.IfMatch(corrected)))
            .Expect(HttpStatusCode.OK);
        await CountsBecome(admin, location, new Counts(0, 0, "", ""), "after the voiding");

        var history = (await desk.GetAsync($"registrations/v1/visits/{visitId}/history")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, history.Json["entries"]!.AsArray().Count);
    }

    /// <summary>Polls until the library admin's counts at <paramref name="location"/> are exactly <paramref name="expected"/>.</summary>
    private async Task CountsBecome(ApiClient admin, string location, Counts expected, string when)
    {
        await Eventually.Until(() => Read(admin, location), c => c == expected, TimeSpan.FromSeconds(30),
            $"question counts at {location} {when} to be exactly {expected}");
    }

    private static async Task<Counts> Read(ApiClient admin, string location)
    {
        var query = $"monitoring/v1/question-counts?{DutchDays.RangeAroundToday}&location={location}";
        var byLocation = (await admin.GetAsync(query + "&groupBy=location")).Expect(HttpStatusCode.OK);
        var byTopic = (await admin.GetAsync(query + "&groupBy=topic")).Expect(HttpStatusCode.OK);
        var byChannel = (await admin.GetAsync(query + "&groupBy=channel")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(Reports.Rows(byLocation), r => r["suppressed"]?.GetValue<bool>() == true);
        var (visits, questions) = Reports.Totals(byLocation);
        return new Counts(visits, questions, Cells(byTopic, "topic"), Cells(byChannel, "channel"));
    }

    private static string Cells(ApiResponse report, string dimension) =>
        string.Join(",", Reports.VisitsBy(report, dimension).Where(c => c.Value is > 0).OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key}={c.Value}"));
}

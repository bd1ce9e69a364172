using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Registrations.Features.Visits;
using Microsoft.Extensions.DependencyInjection;
using static IdoPlatform.Registrations.Tests.Integration.Places;

namespace IdoPlatform.Registrations.Tests.Integration;

[Collection(RegistrationsCollection.Name)]
public sealed class ListVisitsTests(RegistrationsApp app)
{
    [Fact]
    public async Task Lists_own_visits_newest_first_by_location_and_day_following_next_links()
    {
        var org = Guid.NewGuid();
        var north = await app.AddLocation(org);
        var south = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var now = app.Clock.GetUtcNow();
        var ids = new List<Guid>();
        foreach (var (location, daysAgo) in new[] { (north, 1), (north, 2), (north, 3), (south, 2), (north, 20) })
        {
            var body = Visit(location.LocationId);
            body["occurredAt"] = now.AddDays(-daysAgo).ToString("O");
            ids.Add((await (await desk.PostJson("/registrations/v1/visits", body)).Json200(HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        }

        var all = await (await desk.GetAsync("/registrations/v1/visits")).Json200();
        Assert.Null(all["totalItems"]); // nothing is counted
        Assert.Null(all["next"]);
        var order = Ids(all);
        Assert.Equal((ids[0], ids[2], ids[4]), (order[0], order[3], order[4])); // newest first
        Assert.Equal(ids.Order(), order.Order());

        var from = DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime).ToString("yyyy-MM-dd");
        var page = await desk.GetAsync($"/registrations/v1/visits?locationId={north.LocationId}&from={from}&pageSize=2");
        var first = await page.Json200();
        Assert.Equal([ids[0], ids[1]], Ids(first));
        var next = first["next"]!.GetValue<string>();
        Assert.Contains($"locationId={north.LocationId}", next);
        Assert.Contains($"from={from}", next);
        var link = page.Headers.GetValues("Link").Single();
        Assert.Contains($"<{next}>; rel=\"next\"", link);
        Assert.Contains("rel=\"first\"", link);

        var second = await (await desk.GetAsync(next)).Json200();
        Assert.Equal([ids[2]], Ids(second)); // the 20-days-old one is before 'from'
        Assert.Null(second["next"]);
    }

    [Fact]
    public async Task Pages_split_visits_of_the_same_moment_without_losing_or_repeating_one()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var moment = app.Clock.GetUtcNow().AddHours(-1).ToString("O");
        var ids = new List<Guid>();
        for (var i = 0; i < 7; i++)
        {
            var body = Visit(location.LocationId);
            body["occurredAt"] = moment;
            ids.Add((await (await desk.PostJson("/registrations/v1/visits", body)).Json200(HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        }

        var seen = new List<Guid>();
        var pages = 0;
        string? next = "/registrations/v1/visits?pageSize=3";
        while (next is not null)
        {
            var page = await (await desk.GetAsync(next)).Json200();
            seen.AddRange(Ids(page));
            next = page["next"]?.GetValue<string>();
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(ids.OrderDescending(), seen); // ties broken by id, newest-first order kept across pages
    }

    [Fact]
    public async Task Bad_query_parameters_are_all_named()
    {
        var desk = app.Client(RegistrationsApp.Desk(Guid.NewGuid()));
        var dates = await desk.GetAsync("/registrations/v1/visits?from=gisteren&to=2026-13-01");
        Assert.Equal(["from", "to"], (await dates.InvalidParams()).Select(e => e.Name));
        var paging = await desk.GetAsync("/registrations/v1/visits?page=2&cursor=not-ours&pageSize=1000");
        Assert.Equal(["page", "cursor", "pageSize"], (await paging.InvalidParams()).Select(e => e.Name));

        var reversed = await desk.GetAsync("/registrations/v1/visits?from=2026-11-10&to=2026-11-01");
        Assert.Equal(["to"], (await reversed.InvalidParams()).Select(e => e.Name));

        // The edges of the calendar would overflow the day arithmetic; a NUL would reach PostgreSQL.
        var extreme = await desk.GetAsync("/registrations/v1/visits?from=0001-01-01&to=9999-12-31");
        Assert.Equal([("from", "outOfRange"), ("to", "outOfRange")], (await extreme.InvalidParams()).Select(e => (e.Name, e.Code)));
        var nul = await desk.GetAsync("/registrations/v1/visits?locationId=%00");
        Assert.Equal([("locationId", "invalid")], (await nul.InvalidParams()).Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task Visits_registered_together_in_one_group_commit_are_each_listed_with_their_own_details()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var now = app.Clock.GetUtcNow();
        var place = new VisitPlace(location.LocationId, org, location.MunicipalityCode, location.MunicipalityName, location.Province);
        var visits = Enumerable.Range(1, 3).Select(n => new VisitRegistered(Guid.CreateVersion7(), place,
            new VisitDetails(now.AddHours(-n), n == 2 ? "phone" : "in-person",
                [new Question("digid", "digital-government", null, "0-10", ["explained"], null, null)], null, null), now)).ToList();

        // One transaction for the three, as GroupedStarts commits the registrations that arrive together.
        await app.Services.GetRequiredService<EventStreams>().StartEach<Visit>(
            visits.Select(v => new NewStream(v.VisitId, v, new AppendContext("desk"))).ToList());

        var items = (await (await app.Client(RegistrationsApp.Desk(org)).GetAsync(
            $"/registrations/v1/visits?locationId={location.LocationId}")).Json200())["items"]!.AsArray();
        Assert.Equal(visits.Select(v => v.VisitId), items.Select(i => i!["id"]!.GetValue<Guid>())); // newest first
        Assert.Equal(["in-person", "phone", "in-person"], items.Select(i => i!["channel"]!.GetValue<string>()));
        Assert.All(items, i => Assert.Equal(location.MunicipalityName, i!["municipalityName"]!.GetValue<string>()));
        Assert.Equal(visits.Select(v => v.Details.OccurredAt.UtcDateTime),
            items.Select(i => i!["occurredAt"]!.GetValue<DateTimeOffset>().UtcDateTime));
    }

    private static List<Guid> Ids(JsonNode page) => page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
}

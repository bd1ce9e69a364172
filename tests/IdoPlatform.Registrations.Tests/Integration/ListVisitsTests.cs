using System.Net;
using System.Text.Json.Nodes;
using static IdoPlatform.Registrations.Tests.Integration.Places;

namespace IdoPlatform.Registrations.Tests.Integration;

[Collection(RegistrationsCollection.Name)]
public sealed class ListVisitsTests(RegistrationsApp app)
{
    [Fact]
    public async Task Lists_own_visits_newest_first_by_location_and_day_with_paging_links()
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
        Assert.Equal(5, all["totalItems"]!.GetValue<long>());
        var order = all["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()).ToList();
        Assert.Equal((ids[0], ids[2], ids[4]), (order[0], order[3], order[4])); // newest first
        Assert.Equal(ids.Order(), order.Order());

        var from = DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime).ToString("yyyy-MM-dd");
        var page = await desk.GetAsync($"/registrations/v1/visits?locationId={north.LocationId}&from={from}&page=1&pageSize=2");
        var first = await page.Json200();
        Assert.Equal(3, first["totalItems"]!.GetValue<long>());
        Assert.Equal([ids[0], ids[1]], first["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
        var link = page.Headers.GetValues("Link").Single();
        Assert.Contains("rel=\"next\"", link);
        Assert.Contains($"locationId={north.LocationId}", link);

        var second = await (await desk.GetAsync($"/registrations/v1/visits?locationId={north.LocationId}&from={from}&page=2&pageSize=2")).Json200();
        Assert.Equal([ids[2]], second["items"]!.AsArray().Select(i => i!["id"]!.GetValue<Guid>()));
    }

    [Fact]
    public async Task Bad_query_parameters_are_all_named()
    {
        var desk = app.Client(RegistrationsApp.Desk(Guid.NewGuid()));
        var dates = await desk.GetAsync("/registrations/v1/visits?from=gisteren&to=2026-13-01");
        Assert.Equal(["from", "to"], (await dates.InvalidParams()).Select(e => e.Name));
        var paging = await desk.GetAsync("/registrations/v1/visits?page=0&pageSize=1000");
        Assert.Equal(["page", "pageSize"], (await paging.InvalidParams()).Select(e => e.Name));

        var reversed = await desk.GetAsync("/registrations/v1/visits?from=2026-11-10&to=2026-11-01");
        Assert.Equal(["to"], (await reversed.InvalidParams()).Select(e => e.Name));
    }
}

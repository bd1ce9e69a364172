using System.Net;
using System.Text.Json.Nodes;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>Small cells are hidden from national roles; a library sees its own locations in full, and only those.</summary>
public class SuppressionTests(MonitoringApp app) : IClassFixture<MonitoringApp>, IAsyncLifetime
{
    private static readonly Guid LibraryA = Guid.Parse("9a1d2f00-0000-4000-8000-00000000000a");
    private static readonly Guid LibraryB = Guid.Parse("9a1d2f00-0000-4000-8000-00000000000b");
    private const string Query = "from=2020-01-01&to=2020-12-31";

    // Utrecht: GM0344 (library A) 12 visits, GM0307 (library A) 3, GM0355 (library B) 8. Zeeland: GM0687 (B) 20.
    public async Task InitializeAsync()
    {
        if (await app.EventCount() > 0) return;
        async Task Visits(int count, string province, string municipality, Guid organisation)
        {
            for (var i = 0; i < count; i++)
                await app.Send(Registered(Visit(Guid.NewGuid(), 1, province, municipality,
                    location: $"NL-{municipality[2..]}00-0001", organisation: organisation,
                    at: new DateTimeOffset(2020, 6, 1 + i % 28, 10, 0, 0, TimeSpan.Zero))));
        }
        await Visits(12, "Utrecht", "GM0344", LibraryA);
        await Visits(3, "Utrecht", "GM0307", LibraryA);
        await Visits(8, "Utrecht", "GM0355", LibraryB);
        await Visits(20, "Zeeland", "GM0687", LibraryB);
        await app.WaitUntilCounted();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Describe(IEnumerable<JsonObject> rows, string dimension) =>
        string.Join("; ", rows.Select(r => $"{r.Text(dimension)}={r.Number("visits")?.ToString() ?? "x"}{(r["suppressed"]!.GetValue<bool>() ? "*" : "")}"));

    [Fact]
    public async Task A_small_municipality_is_suppressed_with_a_partner_so_the_province_total_cannot_reveal_it()
    {
        var rows = await Reports.Rows(app.Client(MonitoringApp.Monitor()), $"/monitoring/v1/question-counts?{Query}&groupBy=municipality");
        // GM0307 has 3 visits; Utrecht's total is public, so the smallest other Utrecht cell (GM0355) goes too.
        Assert.Equal("GM0307=x*; GM0344=12; GM0355=x*; GM0687=20", Describe(rows, "municipality"));
        Assert.All(rows.Where(r => r["suppressed"]!.GetValue<bool>()), r => Assert.Null(r["questions"]));
    }

    [Fact]
    public async Task Province_level_counts_are_not_suppressed()
    {
        var rows = await Reports.Rows(app.Client(MonitoringApp.Monitor()), $"/monitoring/v1/question-counts?{Query}&groupBy=province");
        Assert.Equal("Utrecht=23; Zeeland=20", Describe(rows, "province"));
    }

    [Fact]
    public async Task Filtering_on_one_location_is_as_fine_as_grouping_by_it()
    {
        var rows = await Reports.Rows(app.Client(MonitoringApp.Monitor()), $"/monitoring/v1/question-counts?{Query}&location=NL-030700-0001");
        Assert.True(Assert.Single(rows)["suppressed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_library_sees_its_own_locations_unsuppressed_and_nothing_else()
    {
        var client = app.Client(MonitoringApp.LibraryAdmin(LibraryA));
        var rows = await Reports.Rows(client, $"/monitoring/v1/question-counts?{Query}&groupBy=municipality");
        Assert.Equal("GM0307=3; GM0344=12", Describe(rows, "municipality"));

        var total = Assert.Single(await Reports.Rows(client, $"/monitoring/v1/question-counts?{Query}"));
        Assert.Equal(15, total.Number("visits"));

        var other = await client.GetAsync($"/monitoring/v1/question-counts?{Query}&organisation={LibraryB}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
    }

    [Fact]
    public async Task A_platform_admin_gets_the_same_suppression_as_a_monitor()
    {
        var admin = await Reports.Rows(app.Client(MonitoringApp.PlatformAdmin()), $"/monitoring/v1/question-counts?{Query}&groupBy=municipality");
        var monitor = await Reports.Rows(app.Client(MonitoringApp.Monitor()), $"/monitoring/v1/question-counts?{Query}&groupBy=municipality");
        Assert.Equal(Describe(monitor, "municipality"), Describe(admin, "municipality"));
    }
}

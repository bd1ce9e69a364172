using System.Net;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Referrals;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>Referral outcomes, IDO locations and freshness from messages heard on the bus.</summary>
public class ReportsTests(MonitoringApp app) : IClassFixture<MonitoringApp>, IAsyncLifetime
{
    private static readonly DateTimeOffset Issued = new(2026, 2, 3, 9, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        if (await app.EventCount() > 0) return;
        Task Send(object message) => app.Send(message);
        for (var i = 0; i < 8; i++)
        {
            var referral = Referral(Guid.NewGuid(), agency: i < 6 ? "uwv" : "svb", province: i % 2 == 0 ? "Utrecht" : "Zeeland",
                location: i < 4 ? "NL-000001-0001" : "NL-000002-0001");
            await Send(new ReferralIssued(referral, Issued.AddDays(i), Issued.AddDays(i + 30)));
            if (i is 0 or 1 or 2) await Send(new ReferralArrived(referral, Guid.NewGuid(), Issued.AddDays(i + 1)));
            if (i is 3) await Send(new ReferralExpired(referral, Issued.AddDays(i + 30)));
            if (i is 4) await Send(new ReferralCancelled(referral, Issued.AddDays(i + 2)));
        }
        var otherLibrary = Guid.NewGuid();
        await Send(new LocationRegistered(Location("NL-000001-0001", opened: new DateOnly(2025, 1, 1)), Issued));
        await Send(new LocationRegistered(Location("NL-000002-0001", opened: new DateOnly(2025, 3, 1), inside: false,
            province: "Zeeland", municipality: "GM0687", organisation: otherLibrary), Issued));
        await Send(new LocationRegistered(Location("NL-000003-0001", hasIdo: false), Issued));
        // Closing comes after the registration has been heard (an older message heard later would be stale).
        await app.WaitUntilCounted();
        await Send(new LocationClosed("NL-000002-0001", otherLibrary, new DateOnly(2025, 12, 1), Issued.AddDays(1)));
        await app.WaitUntilCounted();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_library_asking_for_another_librarys_location_is_refused_as_for_its_organisation()
    {
        var library = app.Client(MonitoringApp.LibraryAdmin(Organisation));
        const string counts = "/monitoring/v1/question-counts?from=2026-02-01&to=2026-02-28&location=";

        Assert.Equal(HttpStatusCode.Forbidden, (await library.GetAsync(counts + "NL-000002-0001")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await library.GetAsync(counts + "NL-000001-0001,NL-000002-0001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await library.GetAsync(counts + "NL-000001-0001")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await library.GetAsync(counts + "NL-999999-0001")).StatusCode); // never heard of: no one's
        Assert.Equal(HttpStatusCode.OK, (await app.Client(MonitoringApp.Monitor()).GetAsync(counts + "NL-000002-0001")).StatusCode);
    }

    [Fact]
    public async Task Referral_outcomes_by_agency()
    {
        var rows = await Reports.Rows(app.Client(MonitoringApp.Monitor()),
            "/monitoring/v1/referral-outcomes?from=2026-02-01&to=2026-02-28&groupBy=agency");
        Assert.Equal(["svb 2 0 0 0 2 0", "uwv 6 3 1 1 1 0.5"],
            rows.Select(r => $"{r.Text("agency")} {r.Number("issued")} {r.Number("arrived")} {r.Number("expired")} {r.Number("cancelled")} {r.Number("open")} {r.Text("arrivalRate")}"));
    }

    [Fact]
    public async Task An_agency_sees_only_its_own_referrals_and_a_library_only_those_to_its_locations()
    {
        var agency = Assert.Single(await Reports.Rows(app.Client(MonitoringApp.Agency("svb")),
            "/monitoring/v1/referral-outcomes?from=2026-02-01&to=2026-02-28"));
        Assert.Equal(2, agency.Number("issued"));
        var other = await app.Client(MonitoringApp.Agency("svb")).GetAsync("/monitoring/v1/referral-outcomes?from=2026-02-01&to=2026-02-28&agency=uwv");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        var library = Assert.Single(await Reports.Rows(app.Client(MonitoringApp.LibraryAdmin(Organisation)),
            "/monitoring/v1/referral-outcomes?from=2026-02-01&to=2026-02-28"));
        Assert.Equal(4, library.Number("issued"));
    }

    [Fact]
    public async Task Open_ido_locations_on_a_date_inside_and_outside_the_library()
    {
        var client = app.Client(MonitoringApp.Monitor());
        var before = await Reports.Rows(client, "/monitoring/v1/ido-locations?date=2025-06-01&groupBy=province");
        Assert.Equal(["Utrecht 1 1 0", "Zeeland 1 0 1"],
            before.Select(r => $"{r.Text("province")} {r.Number("openLocations")} {r.Number("insideLibrary")} {r.Number("outsideLibrary")}"));

        var afterClosing = Assert.Single(await Reports.Rows(client, "/monitoring/v1/ido-locations?date=2025-12-01"));
        Assert.Equal(1, afterClosing.Number("openLocations"));

        var bad = await client.GetAsync("/monitoring/v1/ido-locations?date=tomorrow&groupBy=topic");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Freshness_tells_how_far_the_projection_is_behind()
    {
        var freshness = await Reports.Get(app.Client(MonitoringApp.Monitor()), "/monitoring/v1/freshness");
        var projection = freshness["projections"]!.AsArray().Single()!.AsObject();
        Assert.Equal("monitoring-aggregates", projection.Text("name"));
        Assert.Equal(0, projection.Number("eventsBehind"));
        Assert.Equal("0", projection.Text("secondsBehind"));
        Assert.NotNull(freshness["lastRecordedAt"]);
    }

    [Fact]
    public async Task A_json_only_endpoint_refuses_a_request_for_csv_alone()
    {
        var client = app.Client(MonitoringApp.Monitor());
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var response = await client.GetAsync("/monitoring/v1/freshness");
        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Monitoring.Storage.ReadModel;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>A rebuild from the log gives the very same tables, while the old ones keep serving.</summary>
public class RebuildTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private async Task<int> PublishHistory(int seed, int visits)
    {
        var random = new Random(seed);
        var sent = 0;
        async Task Send(object message)
        {
            await app.Send(message);
            sent++;
        }
        for (var i = 0; i < visits; i++)
        {
            var visit = Visit(Guid.NewGuid(), 1, i % 2 == 0 ? "Utrecht" : "Noord-Holland", i % 2 == 0 ? "GM0344" : "GM0363",
                at: T0.AddDays(random.Next(60)), channel: i % 3 == 0 ? "phone" : "in-person",
                questions: [Question(i % 4 == 0 ? "digid" : "toeslagen", help: ["explained", "referred"])]);
            await Send(Registered(visit));
            if (i % 6 == 0) await Send(Corrected(visit with { Version = 2, Questions = [Question("zorg"), Question("huur")] }));
            if (i % 9 == 0) await Send(Voided(visit));
        }
        for (var i = 0; i < 10; i++)
        {
            var referral = Referral(Guid.NewGuid(), agency: i % 2 == 0 ? "uwv" : "svb");
            await Send(new ReferralIssued(referral, T0.AddDays(i), T0.AddDays(i + 30)));
            if (i % 3 == 0) await Send(new ReferralArrived(referral, Guid.NewGuid(), T0.AddDays(i + 1)));
            if (i % 3 == 1) await Send(new ReferralCancelled(referral, T0.AddDays(i + 2)));
        }
        var location = $"NL-{seed:000000}-0001";
        await Send(new LocationRegistered(Location(location, opened: new DateOnly(2025, 6, 1)), T0));
        await Send(new LocationChanged(Location(location, opened: new DateOnly(2025, 6, 1), inside: false), T0.AddDays(3)));
        return sent;
    }

    private async Task<int> Rebuild(HttpClient admin)
    {
        var rebuild = await Reports.RebuildCompleted(admin);
        var version = (int)rebuild!.Number("version")!.Value;
        Assert.Equal(version, await app.Scalar<int>("SELECT version FROM mon_read_model"));
        return version;
    }

    private async Task AssertIdentical(int a, int b)
    {
        foreach (var (left, right) in new ReadModelTables(a).All.Zip(new ReadModelTables(b).All))
        {
            var differences = await app.Scalar<long>(
                $"SELECT count(*) FROM ((TABLE {left} EXCEPT ALL TABLE {right}) UNION ALL (TABLE {right} EXCEPT ALL TABLE {left})) d");
            Assert.True(differences == 0, $"{left} and {right} differ in {differences} rows");
        }
    }

    private Task<JsonObject> Counts() => Reports.Get(app.Client(MonitoringApp.Monitor()),
        "/monitoring/v1/question-counts?from=2026-01-01&to=2026-03-31&period=month&groupBy=province,topic");

    [Fact]
    public async Task Rebuild_gives_identical_tables_and_swaps_them_in()
    {
        var admin = app.Client(MonitoringApp.PlatformAdmin());
        await PublishHistory(seed: 1, visits: 120);
        await app.WaitUntilCounted();
        var live = await app.Scalar<int>("SELECT version FROM mon_read_model");
        var countsBefore = await Counts();
        Assert.NotEmpty(countsBefore["rows"]!.AsArray());

        // Quiet: the log folded at once must equal the tables kept batch by batch.
        var rebuilt = await Rebuild(admin);
        Assert.Equal(live + 1, rebuilt);
        await AssertIdentical(live, rebuilt);
        Assert.Equal(countsBefore.ToJsonString(), (await Counts()).ToJsonString());
        // Two periods (inside, then outside the library), or one when the change overtook the registration on the
        // bus: the older registration is then stale and changes nothing.
        Assert.InRange(await app.Scalar<long>($"SELECT count(*) FROM {new ReadModelTables(rebuilt).IdoPeriods}"), 1, 2);
        Assert.Equal(10L, await app.Scalar<long>($"SELECT count(*) FROM {new ReadModelTables(rebuilt).Referrals}"));

        // Busy: messages keep coming while a rebuild runs and swaps; nothing may be lost or counted twice,
        // so a later quiet rebuild from the log alone must again give the very same tables.
        var publishing = PublishHistory(seed: 2, visits: 150);
        var busy = await Rebuild(admin);
        await publishing;
        await app.WaitUntilCounted();
        var quiet = await Rebuild(admin);
        await AssertIdentical(busy, quiet);
    }

    [Fact]
    public async Task Only_a_platform_admin_starts_a_rebuild()
    {
        var response = await app.Client(MonitoringApp.Monitor()).PostAsync("/monitoring/v1/rebuilds", null);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_malformed_rebuild_id_is_a_400_naming_it_and_an_unknown_one_a_404_problem()
    {
        var admin = app.Client(MonitoringApp.PlatformAdmin());

        var malformed = await admin.GetAsync("/monitoring/v1/rebuilds/not-a-uuid");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await malformed.Content.ReadAsStringAsync())!;
        Assert.Equal(["rebuildId"], problem["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()));

        var unknown = await admin.GetAsync($"/monitoring/v1/rebuilds/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }
}

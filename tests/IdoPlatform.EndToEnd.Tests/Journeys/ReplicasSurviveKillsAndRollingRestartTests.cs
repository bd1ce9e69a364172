using System.Collections.Concurrent;
using System.Diagnostics;
using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;
using IdoPlatform.Launcher;
using IdoPlatform.Testing;
using Xunit.Abstractions;

namespace IdoPlatform.EndToEnd.Tests.Journeys;

/// <summary>
/// Journey 5: a platform of its own with two instances of every service (fresh databases on the same PostgreSQL,
/// a virtual host of its own on the same broker). Under steady load (four desks registering visits through the
/// gateway, each visit with its own Idempotency-Key and sent again on any failure), one instance of each service
/// in turn is killed (SIGKILL) and started again, then every instance is restarted one after the other (SIGTERM,
/// ready, next; the four services at once). During the rolling restart not one request may fail; every visit
/// answered 201 is stored once in registrations and counted once by monitoring.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class ReplicasSurviveKillsAndRollingRestartTests(PlatformFixture fixture, ITestOutputHelper output)
{
    private const int Desks = 4;
    private static readonly PlatformService[] Services =
        [PlatformService.Registrations, PlatformService.Referrals, PlatformService.Offers, PlatformService.Monitoring];

    [Fact]
    public async Task Killing_and_rolling_every_service_under_load_fails_no_request_and_counts_every_visit_once()
    {
        var clock = Stopwatch.StartNew();
        void Say(string line)
        {
            output.WriteLine($"{clock.Elapsed.TotalSeconds,5:0.0} s: {line}");
            fixture.Say($"replicas: {line}");
        }

        var options = new PlatformOptions
        {
            PostgresAdminConnectionString = (await RealServers.PostgresAsync()).AdminConnectionString,
            RabbitMqUri = await fixture.Broker.CreateVirtualHostAsync("replicas"),
            DatabasePrefix = "e2e_replicas_" + Guid.NewGuid().ToString("N")[..8],
            Replicas = 2,
            RateLimits = false,
            LogDirectory = Path.Combine(fixture.LogDirectory, "replicas"),
        };
        await using var platform = await Launcher.Platform.StartAsync(options);
        var unexpectedExits = new ConcurrentQueue<string>();
        platform.ProcessExitedUnexpectedly += (process, code) => unexpectedExits.Enqueue($"{process.Name} exited with {code}");
        Say($"platform with {platform.Processes.Count} processes ready; logs in {options.LogDirectory}");

        var tokens = new TokenMint(options.Issuer, options.Audience, platform.SigningKey);
        var organisation = fixture.Seeds.OrganisationB;
        var location = fixture.Seeds.BurstLocation;
        ApiClient Client(string token) => new(new HttpClient { BaseAddress = platform.GatewayUrl }, token, fixture.Context);
        var desks = Enumerable.Range(1, Desks).Select(i => Client(tokens.Desk(organisation, $"e2e-replica-desk-{i}"))).ToList();
        using var admin = Client(tokens.LibraryAdmin(organisation, "e2e-replica-admin"));
        await using var load = new SteadyDeskLoad(desks, admin, location);

        await load.SettleAsync();
        Say($"the seeded location is in registrations' replica ({load.Failures.Count} attempts before it was)");
        load.Phase = "warm-up";
        load.Start();
        await Task.Delay(TimeSpan.FromSeconds(3));
        Say($"{load.Created.Count} visits registered during the warm-up");

        load.Phase = "kills";
        // One instance of each service in turn; each is started again (as the supervisor would) while the next is
        // killed: the services do not depend on each other's instances, and starting takes the longest.
        var restarts = new List<Task>();
        foreach (var (service, index) in Services.Select((s, i) => (s, i)))
        {
            var victim = platform.Instances(service)[index % 2];
            await platform.KillInstanceAsync(victim);
            Say($"{victim.Name} killed ({load.Created.Count} visits so far)");
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // the supervisor's first back-off, under load
            restarts.Add(platform.StartInstanceAsync(victim));
        }
        await Task.WhenAll(restarts);
        Say($"the killed instances are back ({load.Created.Count} visits so far)");

        load.Phase = "rolling restart";
        var rolling = Stopwatch.StartNew();
        await Task.WhenAll(Services.Select(service => platform.RestartRollingAsync(service)));
        Say($"every instance restarted in turn in {rolling.Elapsed.TotalSeconds:0.0} s ({load.Created.Count} visits so far)");

        load.Phase = "after";
        await Task.Delay(TimeSpan.FromSeconds(1));
        await load.StopAsync();
        var killFailures = load.FailuresIn("kills");
        Say($"{load.Created.Count} visits answered 201; failed attempts: {load.Failures.Count} " +
            $"({killFailures.Count} during the kills, each sent again until 201)");
        foreach (var failure in killFailures.Take(5))
            output.WriteLine("  during the kills: " + failure);

        Assert.True(unexpectedExits.IsEmpty, "Processes exited unexpectedly: " + string.Join("; ", unexpectedExits));
        Assert.True(load.FailuresIn("rolling restart").Count == 0, "Failed in the rolling restart: " + string.Join("; ", load.FailuresIn("rolling restart")));
        Assert.True(load.FailuresIn("warm-up").Count == 0, "Failed in the warm-up: " + string.Join("; ", load.FailuresIn("warm-up")));
        Assert.Equal(0, load.GaveUp);
        var visits = load.Created.Distinct().Count();
        Assert.Equal(load.Created.Count, visits); // no two visits were answered with the same id
        Assert.True(visits > 50, $"Only {visits} visits under load: the load did not run.");

        // Stored once each: a visit sent again with its key after a kill is the first visit, not a second one.
        Assert.Equal(visits, await RegisteredVisitsAsync(platform.ConnectionString(PlatformService.Registrations)));

        // Counted once each by monitoring (its instances share the queue; the inbox drops a redelivered copy).
        var query = $"monitoring/v1/question-counts?{DutchDays.RangeAroundToday}&groupBy=location&location={location}";
        var highest = 0L;
        var counted = await Eventually.Until(async () =>
            {
                var totals = Reports.Totals((await admin.GetAsync(query)).Expect(HttpStatusCode.OK));
                highest = Math.Max(highest, totals.Visits);
                return totals;
            },
            t => t.Visits >= visits, TimeSpan.FromSeconds(60), $"monitoring to count {visits} visits",
            t => $"{t.Visits} visits", TimeSpan.FromMilliseconds(500));
        Assert.Equal(visits, counted.Visits);
        await Task.Delay(TimeSpan.FromSeconds(2)); // a late duplicate would show now
        Assert.Equal(visits, Reports.Totals((await admin.GetAsync(query)).Expect(HttpStatusCode.OK)).Visits);
        Assert.True(highest <= visits, $"Monitoring counted {highest} visits at some moment: a visit was counted twice.");
        Say($"registrations stores {visits} visits and monitoring counts {counted.Visits}");

        foreach (var desk in desks)
            desk.Dispose();
    }

    /// <summary>The visits registrations stored: its visit list, written in each registration's own transaction (the
    /// event store's tables are Marten's to read).</summary>
    private static Task<long> RegisteredVisitsAsync(string connectionString) =>
        Sql.Scalar(connectionString, "SELECT count(*) FROM visit_list");
}

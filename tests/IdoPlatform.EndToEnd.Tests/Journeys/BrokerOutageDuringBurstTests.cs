using System.Collections.Concurrent;
using System.Diagnostics;
using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace IdoPlatform.EndToEnd.Tests.Journeys;

/// <summary>
/// Journey 4: RabbitMQ goes down for 20 seconds in the middle of a burst of 500 registrations and comes back.
/// Registrations keeps answering 201 (its event log is the outbox); once the broker is back every visit
/// reaches monitoring exactly once: 500 counted, not one more.
/// </summary>
[Collection(PlatformCollection.Name)]
public sealed class BrokerOutageDuringBurstTests(PlatformFixture platform, ITestOutputHelper output)
{
    private const int Burst = 500;
    private const int Desks = 10; // the burst is spread over accounts so no account's rate window fills
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Every_visit_of_a_burst_reaches_monitoring_exactly_once_across_a_broker_outage()
    {
        var seeds = platform.Seeds;
        var location = seeds.BurstLocation;
        var desks = Enumerable.Range(1, Desks)
            .Select(i => platform.Gateway(platform.Tokens.Desk(seeds.OrganisationB, $"e2e-burst-desk-{i}"))).ToList();
        using var admin = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.AdminB));
        var failures = new ConcurrentQueue<string>();
        var next = 0;

        async Task Register(int count)
        {
            var end = next + count;
            var workers = Enumerable.Range(0, 8).Select(async _ =>
            {
                int n;
                while ((n = Interlocked.Increment(ref next)) <= end)
                {
                    var topic = n % 2 == 0 ? "digid" : "toeslagen";
                    var answer = await desks[n % Desks].PostAsync("registrations/v1/visits", Bodies.Visit(location, topic));
                    if (answer.Status != HttpStatusCode.Created)
                        failures.Enqueue(answer.ToString());
                }
            });
            await Task.WhenAll(workers);
            next = end;
        }

        var clock = Stopwatch.StartNew();
        await Register(150);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: 150 registered, stopping RabbitMQ");
        await platform.Broker.StopAsync();
        var down = Stopwatch.StartNew();
        try
        {
            await Register(200);
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: 200 more registered while RabbitMQ is down ({failures.Count} not 201)");
            if (down.Elapsed < Outage)
                await Task.Delay(Outage - down.Elapsed); // the outage lasts as long as the journey says, not as long as the burst
            // Proof the outage was real: what was registered while the broker was down has not reached monitoring.
            var duringOutage = Reports.Totals((await admin.GetAsync(Query(location))).Expect(HttpStatusCode.OK)).Visits;
            output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: monitoring counts {duringOutage} visits with RabbitMQ down");
            Assert.True(duringOutage <= 150, $"Monitoring counted {duringOutage} visits while RabbitMQ was down; at most the 150 sent before.");
        }
        finally
        {
            await platform.Broker.StartAsync();
        }
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: RabbitMQ back after {down.Elapsed.TotalSeconds:0.0} s down");
        await Register(Burst - 350);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: all {Burst} sent");
        Assert.True(failures.IsEmpty, $"{failures.Count} registrations were not answered 201, e.g.: {string.Join(Environment.NewLine, failures.Take(3))}");

        // MassTransit reconnects with a back-off: allow a minute to catch up, and never accept more than the burst.
        var query = Query(location);
        var highest = 0L;
        var counted = await Eventually.Until(async () =>
            {
                var totals = Reports.Totals((await admin.GetAsync(query)).Expect(HttpStatusCode.OK));
                highest = Math.Max(highest, totals.Visits);
                return totals;
            },
            t => t.Visits >= Burst, TimeSpan.FromSeconds(90), $"monitoring to count {Burst} visits at {location}",
            t => $"{t.Visits} visits, {t.Questions} questions", TimeSpan.FromMilliseconds(500));
        output.WriteLine($"{clock.Elapsed.TotalSeconds:0.0} s: monitoring counts {counted.Visits} visits");
        Assert.Equal((long)Burst, counted.Visits);
        Assert.Equal((long)Burst, counted.Questions);

        // One more visit, sent after everything: once it is counted, any late duplicate of the burst would have
        // had its chance to be counted too. The total must be the burst plus this one, exactly.
        (await desks[0].PostAsync("registrations/v1/visits", Bodies.Visit(location, "overig"))).Expect(HttpStatusCode.Created);
        var settled = await Eventually.Until(async () => Reports.Totals((await admin.GetAsync(query)).Expect(HttpStatusCode.OK)),
            t => t.Visits >= Burst + 1, TimeSpan.FromSeconds(30), "the visit after the burst to be counted",
            t => $"{t.Visits} visits", TimeSpan.FromMilliseconds(500));
        Assert.Equal((long)Burst + 1, settled.Visits);
        Assert.True(highest <= Burst + 1, $"Monitoring counted {highest} visits at some moment: a message was counted twice.");

        // The same cell for a national monitor: large enough not to be suppressed. For organisation A's
        // library admin: none of it (another organisation's location).
        using var monitor = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.Monitor));
        var national = (await monitor.GetAsync(query)).Expect(HttpStatusCode.OK);
        Assert.Equal(((long)Burst + 1, (long)Burst + 1), Reports.Totals(national));
        using var otherAdmin = platform.Gateway(await platform.DemoTokenAsync(DemoWorld.AdminA));
        var foreign = await otherAdmin.GetAsync(query);
        Assert.True(foreign.Status == HttpStatusCode.Forbidden || (foreign.Status == HttpStatusCode.OK && Reports.Rows(foreign).Count == 0),
            $"Organisation A's admin must see nothing of organisation B's location: {foreign}");
        foreach (var desk in desks)
            desk.Dispose();
    }

    private static string Query(string location) =>
        $"monitoring/v1/question-counts?{DutchDays.RangeAroundToday}&groupBy=location&location={location}";
}

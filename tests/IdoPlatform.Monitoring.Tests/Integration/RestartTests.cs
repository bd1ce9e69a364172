using IdoPlatform.Monitoring.Storage.ReadModel;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>Stopping monitoring in the middle of a burst loses nothing and counts nothing twice.</summary>
public class RestartTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    [Fact]
    public async Task Totals_are_exact_after_a_restart_in_the_middle_of_a_burst()
    {
        var random = new Random(42);
        string[] provinces = ["Utrecht", "Gelderland", "Limburg"];
        string[] topics = ["digid", "toeslagen", "belastingen", "zorg"];
        var messages = new List<object>();
        for (var i = 0; i < 400; i++)
        {
            var id = Guid.NewGuid();
            var at = new DateTimeOffset(2025, 1 + random.Next(12), 1 + random.Next(28), 12, 0, 0, TimeSpan.Zero);
            var questions = Enumerable.Range(0, 1 + random.Next(3)).Select(_ => Question(topics[random.Next(topics.Length)])).ToArray();
            var visit = Visit(id, 1, provinces[random.Next(provinces.Length)], at: at, questions: questions);
            messages.Add(Registered(visit));
            if (i % 5 == 0)
                messages.Add(Corrected(visit with { Version = 2, Province = provinces[random.Next(provinces.Length)], Questions = [Question("huur")] }));
            if (i % 7 == 0)
                messages.Add(Voided(visit));
        }

        // What the counts must be: the same pure fold, over everything that was sent.
        var expected = new AggregateState();
        foreach (var message in messages) expected.Apply(message);
        var counted = expected.Visits.Values.Where(v => v.Counts).ToList();

        var burst = Task.Run(async () =>
        {
            foreach (var chunk in messages.Chunk(20))
            {
                await Task.WhenAll(chunk.Select(m => app.Send(m)));
                await Task.Delay(50);
            }
        });
        await Eventually.True(async () => await app.EventCount() >= messages.Count / 4,
            "a quarter of the burst recorded");
        await app.Stop();
        var recordedWhileStopped = await app.EventCount();
        Assert.True(recordedWhileStopped < messages.Count, "the stop came in the middle of the burst");
        await burst;
        app.Start();
        try
        {
            await app.WaitUntilCounted();
        }
        catch (Exception e)
        {
            var recorded = await app.EventCount();
            var factory = new RabbitMQ.Client.ConnectionFactory { Uri = app.AmqpUri };
            await using var connection = await factory.CreateConnectionAsync();
            var report = new List<string>();
            foreach (var queue in new[] { "monitoring-visits", "monitoring-visits_error", "monitoring-visits_skipped" })
            {
                await using var channel = await connection.CreateChannelAsync();
                try { report.Add($"{queue}={(await channel.QueueDeclarePassiveAsync(queue)).MessageCount}"); }
                catch (Exception) { report.Add($"{queue}=absent"); }
            }
            await using (var errors = await connection.CreateChannelAsync())
                if (await errors.BasicGetAsync("monitoring-visits_error", autoAck: false) is { } fault)
                    report.AddRange(fault.BasicProperties.Headers!.Where(h => h.Key.StartsWith("MT-Fault") || h.Key.StartsWith("MT-Reason"))
                        .Select(h => $"{h.Key}: {(h.Value is byte[] b ? System.Text.Encoding.UTF8.GetString(b) : h.Value)}"));
            Assert.Fail($"sent {messages.Count}, recorded {recorded}, stopped at {recordedWhileStopped}; {string.Join(", ", report)}; {e.Message}");
        }

        Assert.Equal(messages.Count, await app.EventCount());
        var rows = await Reports.Rows(app.Client(MonitoringApp.Monitor()),
            "/monitoring/v1/question-counts?from=2025-01-01&to=2025-12-31&groupBy=province");
        Assert.Equal(
            counted.GroupBy(v => v.Province).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()} {g.Sum(v => v.Questions.Length)}"),
            rows.Select(r => $"{r.Text("province")} {r.Number("visits")} {r.Number("questions")}"));

        var byTopic = await Reports.Rows(app.Client(MonitoringApp.Monitor()),
            "/monitoring/v1/question-counts?from=2025-01-01&to=2025-12-31&period=quarter&groupBy=topic");
        Assert.Equal(
            counted.SelectMany(v => v.Questions.Select(q => (Quarter: (v.Day.Month - 1) / 3 + 1, q.Topic, v.VisitId)))
                .GroupBy(x => (x.Quarter, x.Topic)).OrderBy(g => g.Key.Quarter).ThenBy(g => g.Key.Topic, StringComparer.Ordinal)
                .Select(g => $"2025-Q{g.Key.Quarter} {g.Key.Topic} {g.Select(x => x.VisitId).Distinct().Count()} {g.Count()}"),
            byTopic.Select(r => $"{r.Text("period")} {r.Text("topic")} {r.Number("visits")} {r.Number("questions")}"));

        // The same question answered from the visit rows (a channel filter rules the cubes out) agrees with the cube.
        var fromFacts = await Reports.Rows(app.Client(MonitoringApp.Monitor()),
            "/monitoring/v1/question-counts?from=2025-01-01&to=2025-12-31&period=quarter&groupBy=topic&channel=in-person");
        Assert.Equal(byTopic.Select(r => r.ToJsonString()), fromFacts.Select(r => r.ToJsonString()));

        // A range with partial months (whole months from one cube, the ends from another) agrees with the visit rows.
        var partial = "/monitoring/v1/question-counts?from=2025-02-15&to=2025-11-20&period=quarter&groupBy=topic";
        Assert.Equal(
            (await Reports.Rows(app.Client(MonitoringApp.Monitor()), partial + "&channel=in-person")).Select(r => r.ToJsonString()),
            (await Reports.Rows(app.Client(MonitoringApp.Monitor()), partial)).Select(r => r.ToJsonString()));

        // Visits with a question on either topic count once, with all their questions on those topics.
        var either = Assert.Single(await Reports.Rows(app.Client(MonitoringApp.Monitor()),
            "/monitoring/v1/question-counts?from=2025-01-01&to=2025-12-31&topic=digid,huur"));
        var matching = counted.Where(v => v.Questions.Any(q => q.Topic is "digid" or "huur")).ToList();
        Assert.Equal(matching.Count, either.Number("visits"));
        Assert.Equal(matching.Sum(v => v.Questions.Count(q => q.Topic is "digid" or "huur")), either.Number("questions"));
    }
}

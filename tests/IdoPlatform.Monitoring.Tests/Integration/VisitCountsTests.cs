using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.Contracts.Registrations;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>Visits published on the bus move the counts exactly: registered, corrected, voided, redelivered.</summary>
public class VisitCountsTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    private Task Publish(object message, Guid? messageId = null) => app.Send(message, messageId);

    private static DateTimeOffset In(int year, int month, int day = 10) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private async Task<List<JsonObject>> Counts(string query) =>
        await Reports.Rows(app.Client(MonitoringApp.Monitor()), "/monitoring/v1/question-counts?" + query);

    [Fact]
    public async Task Registered_corrected_and_voided_visits_count_exactly_as_they_now_stand()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var c = Guid.NewGuid();
        await Publish(Registered(Visit(a, 1, "Utrecht", at: In(2021, 2), questions: [Question("digid"), Question("toeslagen")])));
        await Publish(Registered(Visit(b, 1, "Utrecht", at: In(2021, 2), questions: [Question("digid")])));
        await Publish(Registered(Visit(c, 1, "Flevoland", at: In(2021, 5), questions: [Question("huur")])));
        await app.WaitUntilCounted();

        var query = "from=2021-01-01&to=2021-12-31&period=quarter&groupBy=province,topic";
        Assert.Equal(
            ["2021-Q1 Utrecht digid 2 2", "2021-Q1 Utrecht toeslagen 1 1", "2021-Q2 Flevoland huur 1 1"],
            Describe(await Counts(query)));

        // b moves to Flevoland in May with another topic; c is voided.
        await Publish(Corrected(Visit(b, 2, "Flevoland", at: In(2021, 5), questions: [Question("zorg"), Question("zorg")])));
        await Publish(Voided(Visit(c, 1, "Flevoland", at: In(2021, 5), questions: [Question("huur")])));
        await app.WaitUntilCounted();

        Assert.Equal(
            ["2021-Q1 Utrecht digid 1 1", "2021-Q1 Utrecht toeslagen 1 1", "2021-Q2 Flevoland zorg 1 2"],
            Describe(await Counts(query)));

        var totals = Assert.Single(await Counts("from=2021-01-01&to=2021-12-31"));
        Assert.Equal(2, totals.Number("visits"));
        Assert.Equal(4, totals.Number("questions"));
        Assert.Equal("2021-01-01/2021-12-31", totals.Text("period"));
    }

    [Fact]
    public async Task A_redelivered_message_is_recorded_and_counted_once()
    {
        var visit = Visit(Guid.NewGuid(), 1, "Zeeland", at: In(2022, 3));
        var messageId = Guid.NewGuid();
        await Publish(Registered(visit), messageId);
        await app.Publisher.Publish(Registered(visit), messageId);
        await app.Publisher.Publish(Registered(visit), messageId);
        await app.WaitUntilCounted();
        await Task.Delay(300); // give the two redeliveries every chance to be (wrongly) recorded

        Assert.Equal(1L, await app.EventCount(messageId));
        Assert.Equal(1, Assert.Single(await Counts("from=2022-01-01&to=2022-12-31")).Number("visits"));
    }

    [Fact]
    public async Task A_visit_with_two_questions_on_one_topic_counts_once_there_and_questions_count_each()
    {
        await Publish(Registered(Visit(Guid.NewGuid(), 1, "Drenthe", at: In(2023, 4),
            questions: [Question("digid", help: ["explained", "referred"]), Question("digid", help: ["referred"])])));
        await app.WaitUntilCounted();

        var byHelp = await Counts("from=2023-01-01&to=2023-12-31&groupBy=helpGiven");
        Assert.Equal(["explained 1 1", "referred 1 2"],
            byHelp.Select(r => $"{r.Text("helpGiven")} {r.Number("visits")} {r.Number("questions")}"));

        // Month-aligned (cube) and day-aligned (facts or day cube) ranges agree.
        var aligned = Assert.Single(await Counts("from=2023-04-01&to=2023-04-30&groupBy=topic"));
        var unaligned = Assert.Single(await Counts("from=2023-04-02&to=2023-04-29&groupBy=topic"));
        Assert.Equal(aligned.ToJsonString(), unaligned.ToJsonString().Replace("2023-04-02/2023-04-29", "2023-04-01/2023-04-30"));
    }

    [Fact]
    public async Task Csv_on_request()
    {
        await Publish(Registered(Visit(Guid.NewGuid(), 1, "Fryslân", at: In(2024, 1), questions: [Question("huur")])));
        await app.WaitUntilCounted();

        var client = app.Client(MonitoringApp.Monitor());
        client.DefaultRequestHeaders.Accept.ParseAdd("text/csv");
        var response = await client.GetAsync("/monitoring/v1/question-counts?from=2024-01-01&to=2024-12-31&period=month&groupBy=province,topic");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("period,province,topic,visits,questions,suppressed\r\n2024-01,Fryslân,huur,1,1,false\r\n",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_queries_get_one_400_naming_every_problem()
    {
        var response = await app.Client(MonitoringApp.Monitor())
            .GetAsync("/monitoring/v1/question-counts?from=2026-02-01&to=2026-01-01&groupBy=province,shoeSize&colour=red&period=fortnight");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var names = problem["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["from", "period", "groupBy", "colour"], names);
    }

    [Fact]
    public async Task More_than_100000_rows_is_a_400()
    {
        var response = await app.Client(MonitoringApp.Monitor())
            .GetAsync("/monitoring/v1/question-counts?from=1700-01-01&to=2026-12-31&period=day&groupBy=topic");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Only_reporting_roles_read_counts()
    {
        var agency = await app.Client(MonitoringApp.Agency("uwv")).GetAsync("/monitoring/v1/question-counts?from=2021-01-01&to=2021-12-31");
        Assert.Equal(HttpStatusCode.Forbidden, agency.StatusCode);
        var anonymous = await app.Client().GetAsync("/monitoring/v1/question-counts?from=2021-01-01&to=2021-12-31");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static List<string> Describe(List<JsonObject> rows) =>
        rows.Select(r => $"{r.Text("period")} {r.Text("province")} {r.Text("topic")} {r.Number("visits")} {r.Number("questions")}").ToList();
}

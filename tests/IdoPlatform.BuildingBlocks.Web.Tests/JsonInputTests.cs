using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;
using Microsoft.Extensions.Logging;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

[Collection(nameof(SampleHost))]
public sealed class JsonInputTests(SampleHost host)
{
    private const string Notes = "/samples/v1/notes";
    private readonly HttpClient _desk = host.ClientAs(SampleHost.DeskAccount);

    private Task<HttpResponseMessage> PostJson(string json) =>
        _desk.PostAsync(Notes, new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task An_unknown_property_is_a_400_naming_it()
    {
        var response = await PostJson("""{"title":"Vraag","kind":"call","items":[{"topic":"digid","minutes":5}],"colour":"red"}""");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("colour", "unknown")], ProblemAssert.InvalidParams(problem));
    }

    [Theory]
    [InlineData("""{"title":"Vraag","kind":"call","title":"Andere","items":[]}""", "title")]
    [InlineData("""{"title":"Vraag","kind":"call","items":[{"topic":"digid","minutes":5,"minutes":6}]}""", "items[0].minutes")]
    public async Task A_field_given_twice_is_a_400_naming_it(string json, string repeated)
    {
        var response = await PostJson(json);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([(repeated, "duplicate")], ProblemAssert.InvalidParams(problem));
    }

    [Fact]
    public async Task Every_shape_error_of_a_body_is_named_at_once()
    {
        var response = await PostJson("""
            {"kind":"fax","at":"2026-03-01T10:30:00","items":[{"topic":"digid","minutes":"veel","extra":1}, null],"colour":"red"}
            """);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        var errors = ProblemAssert.InvalidParams(problem);
        Assert.Contains(("kind", "invalid"), errors);
        Assert.Contains(("at", "invalid"), errors);          // an instant without offset is ambiguous
        Assert.Contains(("items[0].minutes", "invalid"), errors);
        Assert.Contains(("items[0].extra", "unknown"), errors);
        Assert.Contains(("colour", "unknown"), errors);
        Assert.Contains(("items[1]", "required"), errors);   // a null element would crash the handler
        Assert.Contains(("title", "required"), errors);
        Assert.Equal(7, errors.Count);
    }

    [Fact]
    public async Task Null_for_a_non_nullable_field_is_a_400_not_a_crash()
    {
        var response = await PostJson("""{"title":null,"kind":"call","items":[{"topic":"digid","minutes":5}]}""");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("title", "required")], ProblemAssert.InvalidParams(problem));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await PostJson("""{"title":"Vraag", "kind": """);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("JSON", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Semantic_errors_from_the_validator_are_all_named_with_their_json_path()
    {
        var response = await _desk.PostAsJsonAsync(Notes, new
        {
            title = new string('x', 51),
            kind = "visit",
            items = new object[] { new { topic = "digid", minutes = 5 }, new { topic = "paspoort", minutes = 0 } },
        });

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            [("title", "tooLong"), ("items[1].topic", "notAllowed"), ("items[1].minutes", "outOfRange")],
            ProblemAssert.InvalidParams(problem));
    }

    [Fact]
    public async Task Instants_are_read_with_any_offset_and_written_in_utc_and_enums_as_strings()
    {
        var created = await PostJson("""
            {"title":"Toeslag","kind":"followUp","at":"2026-03-01T10:30:00+01:00","day":"2026-03-01","items":[{"topic":"toeslagen","minutes":15}]}
            """);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var fetched = await _desk.GetAsync(created.Headers.Location);
        var note = JsonDocument.Parse(await fetched.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2026-03-01T09:30:00Z", note.GetProperty("at").GetString());
        Assert.Equal("2026-03-01", note.GetProperty("day").GetString());
        Assert.Equal("followUp", note.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_415_problem()
    {
        var response = await _desk.PostAsync(Notes, new StringContent("title=Vraag", Encoding.UTF8, "text/plain"));

        await ProblemAssert.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        var response = await PostJson($$"""{"title":"{{new string('x', 5000)}}"}""");

        await ProblemAssert.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Bad_query_and_route_values_are_400s_naming_every_parameter()
    {
        var query = await _desk.GetAsync($"{Notes}?since=gisteren&minMinutes=veel");
        var queryProblem = await ProblemAssert.ReadAsync(query, HttpStatusCode.BadRequest);
        Assert.Equal([("minMinutes", "invalid"), ("since", "invalid")], ProblemAssert.InvalidParams(queryProblem).Order().ToList());

        var code = await _desk.GetAsync($"{Notes}?kind=fax");
        var codeProblem = await ProblemAssert.ReadAsync(code, HttpStatusCode.BadRequest);
        Assert.Equal([("kind", "notAllowed")], ProblemAssert.InvalidParams(codeProblem));

        var route = await _desk.GetAsync($"{Notes}/not-a-uuid");
        var routeProblem = await ProblemAssert.ReadAsync(route, HttpStatusCode.BadRequest);
        Assert.Equal([("id", "invalid")], ProblemAssert.InvalidParams(routeProblem));
    }

    [Fact]
    public async Task Bad_paging_values_are_named_together()
    {
        var response = await _desk.GetAsync($"{Notes}?page=0&pageSize=500");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("page", "outOfRange"), ("pageSize", "outOfRange")], ProblemAssert.InvalidParams(problem));
    }

    [Fact]
    public async Task A_nul_character_in_any_body_string_is_a_400_naming_each_field()
    {
        var response = await PostJson("""{"title":"x\u0000y","kind":"call","items":[{"topic":"digid\u0000","minutes":5}]}""");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("items[0].topic", "invalid"), ("title", "invalid")], ProblemAssert.InvalidParams(problem).Order().ToList());
        Assert.Equal("Mag geen stuurtekens bevatten.", problem.GetProperty("invalidParams")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_body_string_is_a_400_naming_the_field()
    {
        var response = await PostJson("""{"title":"x\udfff\ud800","kind":"call","items":[{"topic":"digid","minutes":5}]}""");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("title", "invalid")], ProblemAssert.InvalidParams(problem));
    }

    public static TheoryData<byte[]> BadPropertyNames => new()
    {
        (byte[])[.. "{\"title\":\"a\",\""u8, 0xFF, .. "\":1}"u8],                         // not UTF-8
        """{"title":"a","kind":"call","\ud800":1,"items":[]}"""u8.ToArray(),             // a lone surrogate
        """{"title":"a","kind":"call","items":[{"topic":"digid","minutes":5,"\udfff":1}]}"""u8.ToArray(),
    };

    [Theory]
    [MemberData(nameof(BadPropertyNames))]
    public async Task A_property_name_that_is_no_valid_text_is_a_400_problem_and_nothing_is_logged(byte[] json)
    {
        var logged = host.Logs.Entries.Count;
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");

        var response = await _desk.PostAsync(Notes, content);

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("De inhoud is geen geldige JSON", problem.GetProperty("detail").GetString());
        Assert.DoesNotContain(host.Logs.Entries.Skip(logged), e => e.Level >= LogLevel.Warning || e.Exception is not null);
    }

    [Fact]
    public async Task A_control_character_in_a_body_string_is_a_400_naming_the_field()
    {
        var response = await PostJson("""{"title":"x\u202Ey","kind":"call","items":[{"topic":"digid\u0085","minutes":5}],"remark":"regel 1\r\nregel 2\tklaar"}""");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("items[0].topic", "invalid"), ("title", "invalid")], ProblemAssert.InvalidParams(problem).Order().ToList());
        Assert.All(problem.GetProperty("invalidParams").EnumerateArray(),
            p => Assert.Equal("Mag geen stuurtekens bevatten.", p.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task A_nul_character_in_the_query_is_a_400_naming_the_parameter()
    {
        var response = await _desk.GetAsync($"{Notes}?kind=%00&since=2026-01-01");

        var problem = await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal([("kind", "invalid")], ProblemAssert.InvalidParams(problem));
    }

    [Fact]
    public async Task A_duplicated_property_is_a_400_not_a_crash()
    {
        var response = await PostJson("""{"title":"a","kind":"call","kind":5,"items":[{"topic":"digid","minutes":5}]}""");

        await ProblemAssert.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("application/json; charset=foo")]
    [InlineData("application/json; charset=utf-16")]
    [InlineData("application/merge-patch+json")] // "change these fields": a PUT would replace the whole
    [InlineData("application/problem+json")]
    public async Task Json_in_another_charset_than_utf8_or_under_another_media_type_is_a_415(string contentType)
    {
        var content = new StringContent("""{"title":"a","kind":"call","items":[{"topic":"digid","minutes":5}]}""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        await ProblemAssert.ReadAsync(await _desk.PostAsync(Notes, content), HttpStatusCode.UnsupportedMediaType);
    }
}

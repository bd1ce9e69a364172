using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

[Collection(nameof(SampleHost))]
public sealed class ConcurrencyTests(SampleHost host)
{
    private readonly HttpClient _desk = host.ClientAs(SampleHost.DeskAccount);

    private async Task<(Uri Location, string ETag)> CreateNote()
    {
        var response = await _desk.PostAsJsonAsync("/samples/v1/notes",
            new { title = "Vraag", kind = "call", items = new[] { new { topic = "digid", minutes = 5 } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (response.Headers.Location!, response.Headers.ETag!.ToString());
    }

    private async Task<HttpResponseMessage> Rename(Uri note, string? ifMatch, string title = "Nieuw")
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{note}/title") { Content = JsonContent.Create(new { title }) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await _desk.SendAsync(request);
    }

    [Fact]
    public async Task A_created_resource_has_its_stream_version_as_etag()
    {
        var (location, etag) = await CreateNote();

        Assert.Equal("\"1\"", etag);
        Assert.Equal("\"1\"", (await _desk.GetAsync(location)).Headers.ETag?.ToString());
    }

    [Fact]
    public async Task A_change_with_the_current_etag_succeeds_and_returns_the_next_one()
    {
        var (location, etag) = await CreateNote();

        var response = await Rename(location, etag);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", response.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task A_change_with_a_stale_etag_is_a_412_problem_and_changes_nothing()
    {
        var (location, etag) = await CreateNote();
        Assert.Equal(HttpStatusCode.OK, (await Rename(location, etag, "Eerste")).StatusCode);

        var stale = await Rename(location, etag, "Tweede");

        await ProblemAssert.ReadAsync(stale, HttpStatusCode.PreconditionFailed);
        var note = JsonDocument.Parse(await _desk.GetStringAsync(location)).RootElement;
        Assert.Equal("Eerste", note.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_weak_etag_is_read_as_the_same_version()
    {
        var (location, _) = await CreateNote();

        Assert.Equal(HttpStatusCode.OK, (await Rename(location, "W/\"1\"")).StatusCode);
    }

    [Fact]
    public async Task A_change_without_if_match_is_a_428_problem()
    {
        var (location, _) = await CreateNote();

        await ProblemAssert.ReadAsync(await Rename(location, null), HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task An_unreadable_if_match_is_a_400_naming_the_header()
    {
        var (location, _) = await CreateNote();

        var problem = await ProblemAssert.ReadAsync(await Rename(location, "versie-1"), HttpStatusCode.BadRequest);
        Assert.Equal([("If-Match", "invalid")], ProblemAssert.InvalidParams(problem));
    }

    [Fact]
    public async Task A_concurrency_error_from_the_event_store_is_412_with_if_match_and_409_without()
    {
        var id = Guid.NewGuid();
        using var withIfMatch = new HttpRequestMessage(HttpMethod.Post, $"/samples/v1/notes/{id}/conflicts");
        withIfMatch.Headers.TryAddWithoutValidation("If-Match", "\"1\"");

        await ProblemAssert.ReadAsync(await _desk.SendAsync(withIfMatch), HttpStatusCode.PreconditionFailed);
        await ProblemAssert.ReadAsync(await _desk.PostAsync($"/samples/v1/notes/{id}/conflicts", null), HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("*", true, new long[0])]
    [InlineData("\"3\"", false, new long[] { 3 })]
    [InlineData("W/\"3\", \"4\"", false, new long[] { 3, 4 })]
    [InlineData("\"03\", \"4\"", false, new long[] { 4 })] // tags compare as strings: "03" is none of ours
    public void If_match_parses_any_and_version_lists(string header, bool any, long[] versions)
    {
        var parsed = IfMatch.Parse(header);

        Assert.NotNull(parsed);
        Assert.Equal(any, parsed.IsAny);
        Assert.Equal(versions, parsed.Versions);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("\"drie\"")]
    [InlineData("")]
    public void If_match_refuses_what_is_not_a_version_tag(string header) => Assert.Null(IfMatch.Parse(header));
}

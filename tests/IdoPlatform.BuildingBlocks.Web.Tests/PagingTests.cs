using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

[Collection(nameof(SampleHost))]
public sealed class PagingTests(SampleHost host)
{
    [Fact]
    public async Task A_page_carries_link_relations_and_the_total()
    {
        // Own organisation and kind, so notes of other tests do not count.
        var desk = host.ClientAs(new CurrentAccount("paging", Roles.Desk, Guid.NewGuid()));
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Created, (await desk.PostAsJsonAsync("/samples/v1/notes",
                new { title = $"Pagina {i}", kind = "visit", day = "2031-01-01", items = new[] { new { topic = "digid", minutes = 5 } } })).StatusCode);

        var response = await desk.GetAsync("/samples/v1/notes?kind=visit&since=2031-01-01&page=2&pageSize=2");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("5", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var link = Assert.Single(response.Headers.GetValues("Link"));
        Assert.Contains("</samples/v1/notes?kind=visit&since=2031-01-01&page=1&pageSize=2>; rel=\"first\"", link);
        Assert.Contains("page=1&pageSize=2>; rel=\"prev\"", link);
        Assert.Contains("page=3&pageSize=2>; rel=\"next\"", link);
        Assert.Contains("page=3&pageSize=2>; rel=\"last\"", link);

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, body.GetProperty("items").GetArrayLength());
        Assert.Equal("Pagina 2", body.GetProperty("items")[0].GetProperty("title").GetString());
        Assert.Equal(5, body.GetProperty("totalItems").GetInt64());
        Assert.Equal(3, body.GetProperty("totalPages").GetInt32());
    }

    [Fact]
    public async Task The_defaults_are_page_one_of_twenty()
    {
        var response = await host.ClientAs(SampleHost.DeskAccount).GetAsync("/samples/v1/notes?kind=visit&since=2099-01-01");

        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(1, body.GetProperty("page").GetInt32());
        Assert.Equal(20, body.GetProperty("pageSize").GetInt32());
        Assert.DoesNotContain("rel=\"next\"", Assert.Single(response.Headers.GetValues("Link")));
    }
}

using System.Net;
using System.Text.Json.Nodes;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>Reads report answers as JSON rows.</summary>
public static class Reports
{
    public static async Task<JsonObject> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<List<JsonObject>> Rows(HttpClient client, string url) =>
        (await Get(client, url))["rows"]!.AsArray().Select(r => r!.AsObject()).ToList();

    /// <summary>A row's value as text for easy comparison (null stays null).</summary>
    /// <summary>Starts a rebuild and waits until it completed; the finished rebuild.</summary>
    public static async Task<JsonObject> RebuildCompleted(HttpClient admin)
    {
        var started = await admin.PostAsync("/monitoring/v1/rebuilds", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        JsonObject? rebuild = null;
        await Eventually.True(async () =>
        {
            rebuild = await Get(admin, started.Headers.Location!.ToString());
            return rebuild.Text("status") != "running";
        }, "the rebuild finished");
        Assert.Equal("completed", rebuild!.Text("status"));
        return rebuild!;
    }

    public static string? Text(this JsonObject row, string name) => row[name]?.ToString();

    public static long? Number(this JsonObject row, string name) => row[name]?.GetValue<long>();
}

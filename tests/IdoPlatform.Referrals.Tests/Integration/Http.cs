using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Referrals.Tests.Integration;

public static class Http
{
    public static readonly JsonSerializerOptions Json = ApiJson.CreateOptions();

    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, Json)!;
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, Json);

    /// <summary>The names in a 400 problem's invalidParams, after checking it is one.</summary>
    public static async Task<IReadOnlyList<string>> InvalidParams(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
    }
}

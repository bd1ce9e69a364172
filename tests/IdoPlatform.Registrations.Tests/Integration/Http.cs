using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Registrations.Tests.Integration;

public static class Http
{
    public static readonly JsonSerializerOptions Json = ApiJson.CreateOptions();

    public static async Task<JsonNode> Json200(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    public static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, string? json,
        string? ifMatch = null, string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, JsonNode body, string? idempotencyKey = null) =>
        client.Send(HttpMethod.Post, url, body.ToJsonString(), idempotencyKey: idempotencyKey);

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string url, JsonNode body, string? ifMatch) =>
        client.Send(HttpMethod.Put, url, body.ToJsonString(), ifMatch);

    /// <summary>The 400 problem's invalidParams as (name, code) pairs, after checking it is one.</summary>
    public static async Task<IReadOnlyList<(string Name, string Code, string Reason)>> InvalidParams(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(body)!["invalidParams"]!.AsArray()
            .Select(p => (p!["name"]!.GetValue<string>(), p["code"]!.GetValue<string>(), p["reason"]!.GetValue<string>()))
            .ToList();
    }

    public static async Task AssertProblem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    public static string ETag(this HttpResponseMessage response) => response.Headers.ETag!.ToString();
}

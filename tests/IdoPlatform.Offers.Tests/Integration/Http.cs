using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.Testing.Http;

namespace IdoPlatform.Offers.Tests.Integration;

public static class Http
{
    public static async Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> Send(this HttpClient client, HttpMethod method,
        string path, object? body = null, string? ifMatch = null)
    {
        var answer = await client.SendJsonAsync(method, path, body,
            headers: ifMatch is null ? null : new Dictionary<string, string> { ["If-Match"] = ifMatch });
        return (answer.Status, answer.JsonOrNull, answer.ETag);
    }

    public static Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> Get(this HttpClient client, string path) =>
        client.Send(HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> Post(this HttpClient client, string path, object? body = null,
        string? ifMatch = null) => client.Send(HttpMethod.Post, path, body, ifMatch);

    public static Task<(HttpStatusCode Status, JsonNode? Body, string? ETag)> Put(this HttpClient client, string path, object body,
        string? ifMatch) => client.Send(HttpMethod.Put, path, body, ifMatch);

    /// <summary>Asserts the status, showing the body when it differs.</summary>
    public static JsonNode Expect(this (HttpStatusCode Status, JsonNode? Body, string? ETag) response, HttpStatusCode status)
    {
        Assert.True(response.Status == status, $"Expected {(int)status}, got {(int)response.Status}: {response.Body?.ToJsonString()}");
        return response.Body ?? new JsonObject();
    }

    /// <summary>The names of the invalid parameters of a 400 problem.</summary>
    public static IReadOnlyList<string> InvalidNames(this JsonNode problem) =>
        problem["invalidParams"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IdoPlatform.EndToEnd.Tests.Fixture;

namespace IdoPlatform.EndToEnd.Tests.Support;

/// <summary>HTTP as one account (or anonymously) against the gateway or one service. Every answer is read
/// whole, so a failing assertion can show what came back.</summary>
public sealed class Api(HttpClient http, string? token, PlatformFixture fixture) : IDisposable
{
    public Task<ApiResponse> GetAsync(string path, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, path, null, headers);

    public Task<ApiResponse> PostAsync(string path, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, path, body, headers);

    public Task<ApiResponse> PutAsync(string path, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Put, path, body, headers);

    public async Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        using var request = new HttpRequestMessage(method, path.TrimStart('/'));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, Json.Options), Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await http.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        return new ApiResponse($"{method} {http.BaseAddress}{path.TrimStart('/')}", response.StatusCode, all, text, fixture);
    }

    public void Dispose() => http.Dispose();
}

public sealed record ApiResponse(string Request, HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Body,
    PlatformFixture Fixture)
{
    public int Code => (int)Status;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ContentType => Header("Content-Type")?.Split(';')[0].Trim();

    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException($"No JSON in the answer to {this}");

    /// <summary>The request, the status and the body, for assertion messages.</summary>
    public override string ToString() =>
        $"{Request} → {Code} {ContentType} {(Body.Length > 1500 ? Body[..1500] + "…" : Body)} {Fixture.Context()}";

    /// <summary>Asserts the status and returns this answer.</summary>
    public ApiResponse Expect(HttpStatusCode status)
    {
        if (Status != status)
            throw new Xunit.Sdk.XunitException($"Expected {(int)status} {status}, got: {this}");
        return this;
    }
}

public static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}

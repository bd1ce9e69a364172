using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace IdoPlatform.Testing.Http;

/// <summary>HTTP as one account (a bearer token, or anonymously) against the gateway or one service, JSON in and
/// out. Every answer is read whole (<see cref="ApiResponse"/>), so a failing assertion can show what came back.</summary>
public sealed class ApiClient(HttpClient http, string? token = null, Func<string>? context = null) : IDisposable
{
    /// <summary>How request bodies are written: the web defaults (camelCase), as the services read them.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public Task<ApiResponse> GetAsync(string path, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Get, path, null, headers);

    public Task<ApiResponse> PostAsync(string path, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, path, body, headers);

    public Task<ApiResponse> PutAsync(string path, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Put, path, body, headers);

    public Task<ApiResponse> SendAsync(HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        http.SendJsonAsync(method, path, body, token, headers, context);

    public void Dispose() => http.Dispose();
}

public static class ApiClientExtensions
{
    /// <summary>One request: <paramref name="body"/> as JSON (a string is sent as it is), the token as a bearer, the
    /// headers as given (unvalidated, so a test can send a bad one); relative paths resolve against the client's
    /// base address. <paramref name="context"/> adds to failure messages (e.g. the platform's recent log lines).</summary>
    public static async Task<ApiResponse> SendJsonAsync(this HttpClient http, HttpMethod method, string path, object? body = null,
        string? token = null, IReadOnlyDictionary<string, string>? headers = null, Func<string>? context = null)
    {
        var relative = !Uri.IsWellFormedUriString(path, UriKind.Absolute);
        using var request = new HttpRequestMessage(method, relative ? path.TrimStart('/') : path);
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, body.GetType(), ApiClient.JsonOptions),
                Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await http.SendAsync(request, timeout.Token);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        var all = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var target = relative ? $"{http.BaseAddress}{path.TrimStart('/')}" : path;
        return new ApiResponse($"{method} {target}", response.StatusCode, all, text, context);
    }
}

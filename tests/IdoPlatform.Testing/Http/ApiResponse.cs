using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace IdoPlatform.Testing.Http;

/// <summary>An answer read whole: status, headers (response and content, case-insensitive) and body text.</summary>
public sealed record ApiResponse(string Request, HttpStatusCode Status, IReadOnlyDictionary<string, string> Headers, string Body,
    Func<string>? Context = null)
{
    public int Code => (int)Status;

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public string? ContentType => Header("Content-Type")?.Split(';')[0].Trim();

    public string? ETag => Header("ETag");

    /// <summary>The body as JSON; fails (showing the answer) when there is none.</summary>
    public JsonNode Json => JsonOrNull ?? throw new XunitException($"No JSON in the answer to {this}");

    /// <summary>The body as JSON, or null when it is empty.</summary>
    public JsonNode? JsonOrNull => Body.Length == 0 ? null : JsonNode.Parse(Body);

    /// <summary>The body read as <typeparamref name="T"/> (web defaults).</summary>
    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, ApiClient.JsonOptions)
        ?? throw new XunitException($"No {typeof(T).Name} in the answer to {this}");

    /// <summary>Asserts the status and returns this answer.</summary>
    public ApiResponse Expect(HttpStatusCode status)
    {
        if (Status != status)
            throw new XunitException($"Expected {(int)status} {status}, got: {this}");
        return this;
    }

    /// <summary>The request, the status and the body (cut at 1,500 characters), for assertion messages.</summary>
    public override string ToString() =>
        $"{Request} → {Code} {ContentType} {(Body.Length > 1500 ? Body[..1500] + "…" : Body)} {Context?.Invoke()}".TrimEnd();
}

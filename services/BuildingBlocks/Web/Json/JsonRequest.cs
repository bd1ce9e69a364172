using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>A JSON body read so that its structural errors (unknown property, wrong type, missing field)
/// and the business rules' errors can be reported in one 400: <see cref="Errors"/> holds the first
/// kind; <see cref="Value"/> is the body read leniently (null when even that is impossible), for the rules.
/// For endpoints whose rules must run even when the body does not bind strictly; an endpoint that takes
/// its body as a parameter gets the structural errors alone (<see cref="JsonBodyErrors"/>).</summary>
public sealed record JsonRequest<T>(T? Value, IReadOnlyList<InvalidParam> Errors) where T : class
{
    /// <summary>Adds the rules' errors to the structural ones, once per field.</summary>
    public IReadOnlyList<InvalidParam> Merge(IEnumerable<InvalidParam> ruleErrors)
    {
        var named = Errors.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        return Errors.Concat(ruleErrors.Where(e => !named.Contains(e.Name))).ToList();
    }
}

public static class JsonRequest
{
    /// <summary>Reads the body, or gives the problem to answer instead (not JSON: 415; malformed: 400).</summary>
    public static async Task<(JsonRequest<T>? Request, ProblemResult? Problem)> ReadAsync<T>(HttpContext http)
        where T : class
    {
        var request = http.Request;
        if (!request.HasJsonContentType())
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Stuur de inhoud als application/json."));

        if (request.Body.CanSeek) request.Body.Position = 0;
        var strict = http.RequestServices.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, http.RequestAborted);
        var bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);

        // The common case, a valid body, binds strictly in one pass; only a body that fails is walked field by
        // field to name every error (the walk costs several times the binding).
        if (Strict<T>(bytes.Span, strict) is { } valid)
            return (new JsonRequest<T>(valid, []), null);

        var (body, problem) = JsonBody.Parse(bytes);
        if (problem is not null)
            return (null, problem);
        if (body is not JsonObject)
            return (null, Problems.BadRequest("De inhoud moet een JSON-object zijn."));

        var errors = JsonBodyErrors.Find(body, typeof(T), strict);
        return (new JsonRequest<T>(errors.Count == 0 ? body.Deserialize<T>(strict) : Lenient<T>(body, strict), errors), null);
    }

    private static T? Strict<T>(ReadOnlySpan<byte> json, JsonSerializerOptions strict) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, strict);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }

    private static readonly Dictionary<JsonSerializerOptions, JsonSerializerOptions> LenientCache = new();

    /// <summary>The body with unknown properties skipped and missing fields left null; null when a value
    /// has the wrong type (then the structural errors are all there is to say).</summary>
    private static T? Lenient<T>(JsonNode body, JsonSerializerOptions strict) where T : class
    {
        JsonSerializerOptions lenient;
        lock (LenientCache)
            if (!LenientCache.TryGetValue(strict, out lenient!))
            {
                // Built afresh: a copy of the strict options keeps ApiJson's contract modifiers, which
                // still insist on the required constructor parameters.
                lenient = new JsonSerializerOptions(JsonSerializerDefaults.Web)
                {
                    PropertyNamingPolicy = strict.PropertyNamingPolicy,
                    PropertyNameCaseInsensitive = strict.PropertyNameCaseInsensitive,
                    UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
                    RespectNullableAnnotations = false,
                    RespectRequiredConstructorParameters = false,
                };
                foreach (var converter in strict.Converters) lenient.Converters.Add(converter);
                LenientCache[strict] = lenient;
            }
        try
        {
            return body.Deserialize<T>(lenient);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or NotSupportedException)
        {
            return null;
        }
    }
}

using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Endpoint filter behind <see cref="IdempotencyEndpointExtensions.WithIdempotency"/>: with an
/// <c>Idempotency-Key</c> header the handler runs at most once per (account, route, key); a retry gets
/// the first answer (status, Location, ETag, body) with <c>Idempotent-Replayed: true</c>. Without the
/// header the endpoint behaves as usual. The same key with a different body is refused (422).</summary>
internal sealed class IdempotencyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var header = http.Request.Headers[ApiHeaders.IdempotencyKey];
        if (header.Count == 0) return await next(context);

        var options = http.RequestServices.GetRequiredService<IOptions<IdempotencyOptions>>().Value;
        var key = header.ToString();
        // A comma: two headers that a proxy joined into one (RFC 9110 §5.3), which the gateway does.
        if (header.Count > 1 || string.IsNullOrWhiteSpace(key) || key.Length > options.MaxKeyLength || key.Contains(','))
            return Problems.InvalidParam(ApiHeaders.IdempotencyKey, InvalidParamCodes.Invalid,
                $"Eén sleutel van 1 tot {options.MaxKeyLength} tekens, bijvoorbeeld een UUID.");

        var scope = new IdempotencyScope(
            http.User.FindFirst("sub")?.Value ?? "",
            // Routing ignores case, so the key's scope must too: /Visits is the same route as /visits.
            $"{http.Request.Method} {http.Request.PathBase}{http.Request.Path}".ToLowerInvariant(),
            key);
        var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
        var result = await store.RunOnceAsync(scope, await FingerprintAsync(http.Request),
            _ => RunAndCaptureAsync(context, next), http.RequestAborted);

        return result.Outcome switch
        {
            IdempotencyOutcome.Replayed => new ReplayResult(result.Response!),
            IdempotencyOutcome.KeyReused => Problems.UnprocessableContent(
                "Deze Idempotency-Key is al gebruikt voor een ander verzoek; gebruik een nieuwe sleutel."),
            _ => Results.Empty, // already written while it was captured
        };
    }

    /// <summary>Runs the handler and its result into a buffer, so the answer can be stored and then sent.</summary>
    private static async Task<StoredResponse> RunAndCaptureAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            var value = await next(context);
            switch (value)
            {
                case IResult result: await result.ExecuteAsync(http); break;
                case null: break;
                case string text: await http.Response.WriteAsync(text, http.RequestAborted); break;
                default: await http.Response.WriteAsJsonAsync(value, value.GetType(), cancellationToken: http.RequestAborted); break;
            }
        }
        finally
        {
            http.Response.Body = original;
        }

        var body = buffer.ToArray();
        await http.Response.Body.WriteAsync(body, http.RequestAborted);
        var headers = http.Response.Headers;
        return new StoredResponse(http.Response.StatusCode,
            headers.Location.Count > 0 ? headers.Location.ToString() : null,
            headers.ETag.Count > 0 ? headers.ETag.ToString() : null,
            http.Response.ContentType, body);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        if (!request.Body.CanSeek) return "";
        request.Body.Position = 0;
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted);
        return Convert.ToHexString(hash);
    }

    private sealed class ReplayResult(StoredResponse stored) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = stored.StatusCode;
            if (stored.Location is not null) http.Response.Headers.Location = stored.Location;
            if (stored.ETag is not null) http.Response.Headers.ETag = stored.ETag;
            if (stored.ContentType is not null) http.Response.ContentType = stored.ContentType;
            http.Response.Headers["Idempotent-Replayed"] = "true";
            if (stored.Body.Length > 0)
            {
                http.Response.Headers[HeaderNames.ContentLength] = stored.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await http.Response.Body.WriteAsync(stored.Body, http.RequestAborted);
            }
        }
    }
}

using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Hosting;
using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Turns an exception into the problem the client should see. Anything a client can cause
/// becomes a 4xx naming the cause; a 500 says nothing about our internals.</summary>
internal static class ExceptionProblems
{
    public static async Task<ProblemResult> MapAsync(HttpContext http, Exception exception, ILogger logger)
    {
        switch (exception)
        {
            case InvalidInputException invalid:
                return Problems.Validation(invalid.InvalidParams, invalid.Detail);
            case BadHttpRequestException bad:
                logger.LogDebug(bad, "Bad request");
                return await FromBadRequestAsync(http, bad);
            case JsonException json:
                return await FromJsonAsync(http, json, bodyType: null);
            case NotSignedInException:
                return Problems.Unauthorized().WithHeader("WWW-Authenticate", "Bearer");
            case IdempotencyKeyBusyException:
                return Problems.Conflict("Een gelijk verzoek met deze Idempotency-Key wordt nog verwerkt.")
                    .WithRetryAfter(TimeSpan.FromSeconds(1));
            case ConcurrencyException:
                return http.Request.Headers.IfMatch.Count > 0
                    ? Problems.PreconditionFailed()
                    : Problems.Conflict("De resource is intussen gewijzigd; haal hem opnieuw op en probeer het nog eens.");
            case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } unique:
                logger.LogWarning(unique, "Unique violation on {Table}", unique.TableName);
                return Problems.Conflict("Dit bestaat al.");
            // Also when wrapped: Marten wraps Npgsql's (a full connection pool, a lost connection) in its own.
            case var transient when TransientFailure.Is(transient):
                logger.LogWarning(transient, "Database unavailable");
                return Problems.ServiceUnavailable(TimeSpan.FromSeconds(5));
            default:
                logger.LogError(exception, "Unhandled exception on {Method} {Path}", http.Request.Method, http.Request.Path);
                return Problems.Status(StatusCodes.Status500InternalServerError);
        }
    }

    private static async Task<ProblemResult> FromBadRequestAsync(HttpContext http, BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
            return await FromJsonAsync(http, json, http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType);
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
            return Problems.Status(bad.StatusCode);
        if (bad.Message.Contains("from body", StringComparison.Ordinal) || bad.Message.Contains("no body was provided", StringComparison.Ordinal))
            return Problems.BadRequest("De inhoud (JSON) ontbreekt.");
        if (bad.Message.StartsWith("Failed to bind parameter", StringComparison.Ordinal)
            || bad.Message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            var errors = BindingErrors.Find(http, bad);
            if (errors.Count > 0) return Problems.Validation(errors);
        }
        return Problems.BadRequest("Het verzoek is ongeldig.");
    }

    /// <summary>Re-reads the buffered body to name every bad field; falls back to the one field the
    /// serializer stopped at.</summary>
    private static async Task<ProblemResult> FromJsonAsync(HttpContext http, JsonException failure, Type? bodyType)
    {
        var options = http.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions ?? ApiJson.CreateOptions();
        if (http.Request.Body.CanSeek)
        {
            http.Request.Body.Position = 0;
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var json = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
            var (body, unparsable) = JsonBody.Parse(json);
            if (unparsable is not null)
                return unparsable;
            if (bodyType is not null)
            {
                var errors = JsonBodyErrors.Find(body, bodyType, options);
                if (errors.Count > 0) return Problems.Validation(errors);
            }
        }

        if (failure.Path is { Length: > 0 } path && path != "$")
            return Problems.Validation([new InvalidParam(NameFromPath(path), InvalidParamCodes.Invalid, "Ongeldige waarde.")]);
        return Malformed(failure);
    }

    internal static ProblemResult Malformed(JsonException failure) =>
        Problems.BadRequest(failure.LineNumber is { } line
            ? $"De inhoud is geen geldige JSON (regel {line + 1}, positie {failure.BytePositionInLine + 1})."
            : "De inhoud is geen geldige JSON.");

    // "$.questions[2].topic" → "questions[2].topic"; "$['odd key']" stays readable.
    private static string NameFromPath(string path) => path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}

using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using IdoPlatform.Web.SignIn;
using Microsoft.AspNetCore.Authentication;

namespace IdoPlatform.Web.Platform;

/// <summary>Calls a service's API directly with the signed-in account's token (from the session cookie). A service
/// that cannot be reached is an answer too (<see cref="ApiAnswer.IsUnavailable"/>), never an exception for a page.</summary>
public sealed class PlatformApi(IHttpClientFactory clients, IHttpContextAccessor context, ILogger<PlatformApi> logger)
{
    public const string Registrations = "registrations";
    public const string Referrals = "referrals";
    public const string Offers = "offers";
    public const string Monitoring = "monitoring";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task<ApiAnswer> GetAsync(string service, string path, CancellationToken ct) =>
        SendAsync(service, HttpMethod.Get, path, null, null, ct);

    public async Task<ApiAnswer> SendAsync(string service, HttpMethod method, string path, object? body,
        IReadOnlyDictionary<string, string>? headers, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        var http = context.HttpContext ?? throw new InvalidOperationException("PlatformApi is for requests.");
        if (await http.GetTokenAsync(SessionPrincipal.TokenName) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
            request.Content = JsonContent.Create(body, options: Json);
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            request.Headers.TryAddWithoutValidation(name, value);
        try
        {
            using var response = await clients.CreateClient(service).SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            return ApiAnswer.From((int)response.StatusCode, text, response.Headers.ETag?.Tag);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("{Service} did not answer {Method} {Path}: {Message}", service, method, path, exception.Message);
            return ApiAnswer.Unavailable(service);
        }
    }
}

/// <summary>One answer of a service: its status, its JSON, its ETag and, for errors, the problem's fields.</summary>
public sealed record ApiAnswer(int Status, string Body, string? ETag, ApiProblem? Problem)
{
    /// <summary>The status we give a service that did not answer at all.</summary>
    public const int NoAnswer = StatusCodes.Status503ServiceUnavailable;

    public bool IsSuccess => Status is >= 200 and < 300;

    /// <summary>Down, overloaded or not reachable: worth trying again later.</summary>
    public bool IsUnavailable => Status is 502 or 503 or 504 or 429;

    public T Read<T>() => JsonSerializer.Deserialize<T>(Body, PlatformApi.Json)
        ?? throw new InvalidOperationException($"Empty answer where a {typeof(T).Name} was expected.");

    public static ApiAnswer From(int status, string body, string? etag)
    {
        ApiProblem? problem = null;
        if (status >= 400 && body.StartsWith('{'))
        {
            try
            {
                problem = JsonSerializer.Deserialize<ApiProblem>(body, PlatformApi.Json);
            }
            catch (JsonException)
            {
            }
        }
        return new ApiAnswer(status, body, etag, problem);
    }

    public static ApiAnswer Unavailable(string service) => new(NoAnswer, "", null,
        new ApiProblem("Dienst niet bereikbaar", $"De dienst '{service}' antwoordt nu niet.", null));
}

public sealed record ApiProblem(string? Title, string? Detail, IReadOnlyList<ApiInvalidParam>? InvalidParams);

public sealed record ApiInvalidParam(string Name, string Code, string Reason);

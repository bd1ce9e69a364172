using System.Net.Http.Json;

namespace IdoPlatform.Web.SignIn;

/// <summary>Asks the gateway's demo token endpoint (<c>POST /auth/v1/tokens</c>), server-side, for a demo account's
/// token: the passwords are checked in one place, the gateway's.</summary>
public sealed class DemoTokenClient(IHttpClientFactory clients, ILogger<DemoTokenClient> logger)
{
    public const string Name = "demo-tokens";

    public enum Outcome { SignedIn, WrongCredentials, Unavailable }

    public async Task<(Outcome Outcome, string? Token)> RequestAsync(string username, string password, CancellationToken ct)
    {
        try
        {
            using var response = await clients.CreateClient(Name).PostAsJsonAsync("auth/v1/tokens", new { username, password }, ct);
            if (response.IsSuccessStatusCode)
                return (Outcome.SignedIn, (await response.Content.ReadFromJsonAsync<TokenAnswer>(ct))?.AccessToken);
            if ((int)response.StatusCode is 400 or 401 or 403)
                return (Outcome.WrongCredentials, null);
            logger.LogWarning("The demo token endpoint answered {Status}", (int)response.StatusCode);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("The demo token endpoint did not answer: {Message}", exception.Message);
        }
        return (Outcome.Unavailable, null);
    }

    private sealed record TokenAnswer(string AccessToken);
}

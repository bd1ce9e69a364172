using System.Net.Http.Json;
using System.Text.Json;

namespace IdoPlatform.Launcher;

/// <summary>A seeded demo account (<c>seeds/demo-accounts.json</c>): public demo credentials, never secrets.</summary>
public sealed record DemoAccount(string Username, string Password, string Role, Guid? OrganisationId = null, string? Agency = null);

/// <summary>The demo accounts, and bearer tokens for them from the gateway's token endpoint
/// (<c>POST /auth/v1/tokens</c>, on when <c>Auth:DemoTokens:Enabled</c>).</summary>
public static class DemoAccounts
{
    public const string TokenPath = "auth/v1/tokens";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<DemoAccount> Load(string repositoryRoot)
    {
        var path = Path.Combine(repositoryRoot, "seeds", "demo-accounts.json");
        using var stream = File.OpenRead(path);
        return (JsonSerializer.Deserialize<AccountsFile>(stream, Json) ?? throw new InvalidDataException($"{path} is empty.")).Accounts;
    }

    public static DemoAccount Find(string repositoryRoot, string username) =>
        Load(repositoryRoot).FirstOrDefault(account => account.Username == username)
        ?? throw new ArgumentException($"No demo account '{username}' in seeds/demo-accounts.json.", nameof(username));

    /// <summary>The first demo account with <paramref name="role"/> (desk, library-admin, agency, monitor, platform-admin).</summary>
    public static DemoAccount WithRole(string repositoryRoot, string role) =>
        Load(repositoryRoot).FirstOrDefault(account => account.Role == role)
        ?? throw new ArgumentException($"No demo account with role '{role}' in seeds/demo-accounts.json.", nameof(role));

    /// <summary>A bearer token for the account, from the gateway at <paramref name="gateway"/>.</summary>
    public static async Task<string> TokenAsync(HttpClient http, Uri gateway, DemoAccount account, CancellationToken ct = default)
    {
        using var response = await http.PostAsJsonAsync(new Uri(gateway, TokenPath),
            new { username = account.Username, password = account.Password }, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException(
                $"The gateway's token endpoint answered {(int)response.StatusCode} for '{account.Username}' " +
                $"(is Auth:DemoTokens:Enabled on?): {body}");
        return JsonSerializer.Deserialize<TokenAnswer>(body, Json)?.AccessToken
            ?? throw new InvalidOperationException($"The token endpoint's answer has no accessToken: {body}");
    }

    /// <summary>The curl command that asks the gateway for a demo token (printed by <c>./ido up</c>).</summary>
    public static string CurlCommand(Uri gateway, DemoAccount account) =>
        $"curl -s -X POST {new Uri(gateway, TokenPath)} -H 'Content-Type: application/json' " +
        $"-d '{{\"username\":\"{account.Username}\",\"password\":\"{account.Password}\"}}'";

    private sealed record AccountsFile(IReadOnlyList<DemoAccount> Accounts);

    private sealed record TokenAnswer(string AccessToken);
}

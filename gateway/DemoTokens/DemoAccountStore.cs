using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace IdoPlatform.Gateway.DemoTokens;

/// <summary>The demo accounts, read once from the seeds folder (<c>Seeds:Path</c>, else the nearest
/// <c>seeds</c> folder above the application).</summary>
internal sealed class DemoAccountStore(IConfiguration configuration)
{
    public const string FileName = "demo-accounts.json";
    private readonly Lazy<IReadOnlyList<DemoAccount>> _accounts = new(() => Load(configuration));

    public IReadOnlyList<DemoAccount> Accounts => _accounts.Value;

    /// <summary>The account whose username and password both match; compared in constant time so the
    /// answer's timing does not tell which part was wrong.</summary>
    public DemoAccount? Find(string username, string password)
    {
        DemoAccount? match = null;
        foreach (var account in Accounts)
        {
            var sameName = FixedTimeEquals(account.Username, username);
            var samePassword = FixedTimeEquals(account.Password, password);
            if (sameName & samePassword) match = account;
        }
        return match;
    }

    private static bool FixedTimeEquals(string expected, string given) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(given)));

    private static IReadOnlyList<DemoAccount> Load(IConfiguration configuration)
    {
        var path = Path.Combine(SeedsFolder(configuration), FileName);
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<DemoAccountsFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidDataException($"{path} is empty.");
        return file.Accounts;
    }

    internal static string SeedsFolder(IConfiguration configuration)
    {
        if (configuration["Seeds:Path"] is { Length: > 0 } configured)
            return configured;
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "seeds");
            if (File.Exists(Path.Combine(candidate, FileName)))
                return candidate;
        }
        throw new DirectoryNotFoundException($"No seeds folder with {FileName} above {AppContext.BaseDirectory}; set Seeds:Path.");
    }
}

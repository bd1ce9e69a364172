namespace IdoPlatform.Registrations.Common;

/// <summary>Where seeds/ is: <c>Seeds:Path</c> when set, else the nearest <c>seeds</c> folder walking up
/// from the app's base directory (so it works from bin/ in a checkout and from /app in a container).</summary>
public static class SeedsFolder
{
    public const string ConfigKey = "Seeds:Path";

    public static string Resolve(string? configured, string? startAt = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"{ConfigKey} '{configured}' does not exist.");

        for (var dir = new DirectoryInfo(startAt ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(Path.Combine(candidate, "code-lists"))) return candidate;
        }
        throw new InvalidOperationException($"No seeds folder found above {startAt ?? AppContext.BaseDirectory}; set {ConfigKey}.");
    }
}

using Microsoft.Extensions.Configuration;

namespace IdoPlatform.BuildingBlocks.Hosting;

/// <summary>Finds the repository's seeds folder and resolves configured paths against the repository
/// root (the folder holding seeds/), so a service finds both from bin/ in a checkout and from /app in a container.</summary>
public static class RepositoryPaths
{
    public const string SeedsPathKey = "Seeds:Path";

    /// <summary><c>Seeds:Path</c> when set (it must exist), else the nearest <c>seeds</c> folder above the app's base directory.</summary>
    public static string SeedsFolder(IConfiguration configuration)
    {
        var configured = configuration[SeedsPathKey];
        if (!string.IsNullOrWhiteSpace(configured))
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"{SeedsPathKey} '{configured}' does not exist.");

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (Directory.Exists(seeds)) return seeds;
        }
        throw new InvalidOperationException($"No seeds folder found above {AppContext.BaseDirectory}; set {SeedsPathKey}.");
    }

    /// <summary>An absolute path as is; a relative one against the repository root (the folder holding seeds/).</summary>
    public static string? Resolve(IConfiguration configuration, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path)) return path;
        var root = Path.GetDirectoryName(SeedsFolder(configuration).TrimEnd(Path.DirectorySeparatorChar))!;
        return Path.GetFullPath(Path.Combine(root, path));
    }
}

namespace IdoPlatform.Offers.Hosting;

/// <summary>Finds seeds/ and resolves configured paths against the repository root (the folder holding seeds/).</summary>
public static class RepositoryPaths
{
    /// <summary><c>Seeds:Path</c> when set, else the nearest <c>seeds</c> folder holding offer-types.json above the app.</summary>
    public static string SeedsFolder(IConfiguration configuration)
    {
        var configured = configuration["Seeds:Path"];
        if (!string.IsNullOrWhiteSpace(configured)) return Path.GetFullPath(configured);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var seeds = Path.Combine(dir.FullName, "seeds");
            if (File.Exists(Path.Combine(seeds, "offer-types.json"))) return seeds;
        }
        throw new InvalidOperationException("No seeds folder with offer-types.json found above the app; set Seeds:Path.");
    }

    /// <summary>An absolute path as is; a relative one against the repository root.</summary>
    public static string? Resolve(IConfiguration configuration, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path)) return path;
        var root = Path.GetDirectoryName(SeedsFolder(configuration).TrimEnd(Path.DirectorySeparatorChar))!;
        return Path.GetFullPath(Path.Combine(root, path));
    }
}

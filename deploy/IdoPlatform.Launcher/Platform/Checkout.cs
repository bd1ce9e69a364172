namespace IdoPlatform.Launcher;

/// <summary>The checkout: the nearest folder holding IdoPlatform.sln and seeds/, above this program or the
/// current directory.</summary>
public static class Checkout
{
    public static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
                if (IsRoot(folder.FullName))
                    return folder.FullName;
        throw new DirectoryNotFoundException(
            $"No IdoPlatform checkout (IdoPlatform.sln with seeds/) above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}.");
    }

    public static bool IsRoot(string folder) =>
        File.Exists(Path.Combine(folder, "IdoPlatform.sln")) && Directory.Exists(Path.Combine(folder, "seeds"));

    /// <summary>The PC4 centroid file the services' appsettings.json name (<c>../shared/data/postcodes/pc4geoloc.json</c>
    /// relative to the checkout), when it is there.</summary>
    public static string? DefaultPostcodesFile(string root)
    {
        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "data", "postcodes", "pc4geoloc.json"));
        return File.Exists(path) ? path : null;
    }
}

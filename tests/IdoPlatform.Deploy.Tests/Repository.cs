using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace IdoPlatform.Deploy.Tests;

/// <summary>The checked-out repository as the deployment files see it.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    /// <summary>The deployable projects and the name their configuration is checked against.</summary>
    public static readonly IReadOnlyDictionary<string, string> Projects = new Dictionary<string, string>
    {
        ["offers"] = "services/Offers/IdoPlatform.Offers.csproj",
        ["registrations"] = "services/Registrations/IdoPlatform.Registrations.csproj",
        ["referrals"] = "services/Referrals/IdoPlatform.Referrals.csproj",
        ["monitoring"] = "services/Monitoring/IdoPlatform.Monitoring.csproj",
        ["gateway"] = "gateway/IdoPlatform.Gateway.csproj",
    };

    /// <summary>Read by ASP.NET Core's host itself, in every project.</summary>
    private static readonly HashSet<string> HostSettings = ["Urls"];

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static IReadOnlyList<YamlMappingNode> YamlDocuments(string relative)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(PathOf(relative));
        stream.Load(reader);
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    /// <summary>True when the project (or the shared building blocks it uses) reads this configuration key.</summary>
    public static bool ReadsConfiguration(string projectPath, string key)
    {
        if (HostSettings.Contains(key)) return true;
        var sections = key.Split(':');
        var appsettings = Path.Combine(Path.GetDirectoryName(PathOf(projectPath))!, "appsettings.json");
        if (File.Exists(appsettings) && Lookup(JsonNode.Parse(File.ReadAllText(appsettings)), sections)) return true;
        // Not in appsettings: the code must name its section (e.g. "Postgres" in GetConnectionString("Postgres")).
        var code = SourceOf(Path.GetDirectoryName(PathOf(projectPath))!)
            .Concat(SourceOf(PathOf("services/BuildingBlocks")));
        var leaf = sections[^1];
        var parent = sections.Length > 1 ? sections[^2] : null;
        return code.Any(text =>
            text.Contains($"\"{leaf}\"") || text.Contains($"\"{string.Join(':', sections)}\"") ||
            // An options class bound to the parent section with a property of that name.
            (parent is not null && text.Contains($"\"{parent}\"") && text.Contains($" {leaf} {{ get")));
    }

    private static bool Lookup(JsonNode? node, string[] sections)
    {
        foreach (var section in sections)
        {
            if (node is not JsonObject obj) return false;
            var match = obj.FirstOrDefault(p => string.Equals(p.Key, section, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null) return false;
            node = match.Value;
        }
        return true;
    }

    private static IEnumerable<string> SourceOf(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(File.ReadAllText);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IdoPlatform.sln"))) return dir.FullName;
        throw new InvalidOperationException("IdoPlatform.sln not found above the test's folder.");
    }
}

using System.Text.Json;

namespace IdoPlatform.Registrations.CodeLists;

/// <summary>Reads the code lists from <c>seeds/code-lists/*.json</c>.</summary>
public static class CodeListFiles
{
    private sealed record FileShape(string Name, string Title, int Version, List<EntryShape> Codes);
    private sealed record EntryShape(string Code, string Label, DateOnly ValidFrom, DateOnly? ValidTo);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static CodeListCatalogue Load(string seedsFolder)
    {
        var folder = Path.Combine(seedsFolder, "code-lists");
        if (!Directory.Exists(folder))
            throw new InvalidOperationException($"No code lists found: folder '{folder}' does not exist.");
        var lists = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(Read);
        return new CodeListCatalogue(lists);
    }

    public static CodeList Parse(string json, string source = "code list")
    {
        var shape = JsonSerializer.Deserialize<FileShape>(json, Json)
            ?? throw new InvalidOperationException($"{source} is empty.");
        var duplicates = shape.Codes.GroupBy(c => c.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
            throw new InvalidOperationException($"{source} repeats codes {string.Join(", ", duplicates)}.");
        return new CodeList(shape.Name, shape.Title, shape.Version,
            shape.Codes.Select(c => new CodeEntry(c.Code, c.Label, c.ValidFrom, c.ValidTo)).ToList());
    }

    private static CodeList Read(string path) => Parse(File.ReadAllText(path), path);
}

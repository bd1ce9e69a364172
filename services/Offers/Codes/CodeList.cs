namespace IdoPlatform.Offers.Codes;

/// <summary>A closed list of codes with their Dutch labels, as clients show them.</summary>
public sealed class CodeList(string name, IReadOnlyList<(string Code, string Label)> entries)
{
    private readonly HashSet<string> _codes = entries.Select(e => e.Code).ToHashSet(StringComparer.Ordinal);

    public string Name { get; } = name;
    public IReadOnlyList<(string Code, string Label)> Entries { get; } = entries;
    public IEnumerable<string> Codes => Entries.Select(e => e.Code);

    public bool Contains(string? code) => code is not null && _codes.Contains(code);
}

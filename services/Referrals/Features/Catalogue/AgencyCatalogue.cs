using System.Text.Json;

namespace IdoPlatform.Referrals.Features.Catalogue;

/// <summary>An NPD agency as the catalogue in seeds/agencies.json describes it (public facts only).</summary>
public sealed record Agency(
    string Code,
    string Name,
    string Abbreviation,
    DateOnly NpdMemberSince,
    DateOnly? NpdMemberUntil,
    string Website,
    string? Phone)
{
    public bool IsMemberOn(DateOnly day) => NpdMemberSince <= day && (NpdMemberUntil is null || day <= NpdMemberUntil);
}

/// <summary>The versioned agency catalogue; a change to the file is a new version.</summary>
public sealed class AgencyCatalogue
{
    private readonly Dictionary<string, Agency> _byCode;

    public AgencyCatalogue(int version, IReadOnlyList<Agency> agencies)
    {
        Version = version;
        All = agencies;
        _byCode = agencies.ToDictionary(a => a.Code, StringComparer.Ordinal);
        var unknown = agencies.Select(a => a.Code).Except(Contracts.Codes.Agencies.All).ToArray();
        if (unknown.Length > 0)
            throw new InvalidOperationException($"Agency codes not in contracts/Codes/Agencies.cs: {string.Join(", ", unknown)}.");
        var missing = Contracts.Codes.Agencies.All.Except(_byCode.Keys).ToArray();
        if (missing.Length > 0)
            throw new InvalidOperationException($"The agency catalogue lacks: {string.Join(", ", missing)}.");
    }

    public int Version { get; }
    public IReadOnlyList<Agency> All { get; }

    public Agency? Find(string? code) => code is not null && _byCode.TryGetValue(code, out var a) ? a : null;

    public bool IsKnown(string? code) => Find(code) is not null;

    public bool IsActiveMember(string? code, DateOnly day) => Find(code)?.IsMemberOn(day) == true;

    private sealed record CatalogueFile(int Version, List<Agency> Agencies);

    public static AgencyCatalogue Load(string path)
    {
        var file = JsonSerializer.Deserialize<CatalogueFile>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{path} is empty.");
        return new AgencyCatalogue(file.Version, file.Agencies);
    }
}

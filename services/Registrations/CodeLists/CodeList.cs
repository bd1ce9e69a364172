namespace IdoPlatform.Registrations.CodeLists;

public enum CodeStatus { Unknown, Valid, Retired, NotYetValid }

/// <summary>A versioned list of codes with their Dutch labels and validity.</summary>
public sealed record CodeList(string Name, string Title, int Version, IReadOnlyList<CodeEntry> Codes)
{
    private readonly Dictionary<string, CodeEntry> _byCode =
        Codes.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public CodeEntry? Find(string code) => _byCode.GetValueOrDefault(code);

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public CodeStatus StatusOn(string code, DateOnly day) => Find(code) switch
    {
        null => CodeStatus.Unknown,
        var e when e.ValidTo is { } end && day > end => CodeStatus.Retired,
        var e when day < e.ValidFrom => CodeStatus.NotYetValid,
        _ => CodeStatus.Valid,
    };

    /// <summary>The codes a new registration may use on <paramref name="day"/>.</summary>
    public IEnumerable<string> ValidCodesOn(DateOnly day) => Codes.Where(c => c.IsValidOn(day)).Select(c => c.Code);
}

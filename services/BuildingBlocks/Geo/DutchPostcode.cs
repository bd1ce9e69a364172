using System.Text.RegularExpressions;

namespace IdoPlatform.BuildingBlocks.Geo;

/// <summary>Dutch postcodes: four digits (no leading zero) and two letters, never SA, SD or SS.</summary>
public static partial class DutchPostcode
{
    [GeneratedRegex("^[1-9][0-9]{3} ?[A-Za-z]{2}$")]
    private static partial Regex Shape();

    /// <summary>Stores compact and upper case (<c>2311EZ</c>); accepts <c>2311 ez</c> as well.</summary>
    public static bool TryNormalize(string? input, out string postcode)
    {
        postcode = "";
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed) || !Shape().IsMatch(trimmed)) return false;
        var compact = trimmed.Replace(" ", "").ToUpperInvariant();
        if (compact[4..] is "SA" or "SD" or "SS") return false;
        postcode = compact;
        return true;
    }

    /// <summary>The compact form (<c>2311EZ</c>) of what a person typed (<c>2311 ez</c>), or null when it is no postcode.</summary>
    public static string? Normalize(string? input) => TryNormalize(input, out var postcode) ? postcode : null;

    public static bool IsValid(string? input) => TryNormalize(input, out _);

    /// <summary>The four digits of a normalized postcode.</summary>
    public static string Pc4(string normalizedPostcode) => normalizedPostcode[..4];

    /// <summary>The four-digit area of a full postcode (<c>2311EZ</c>, <c>2311 ez</c>) or of the area alone (<c>2311</c>).</summary>
    public static bool TryPc4(string? input, out string pc4)
    {
        var trimmed = input?.Trim() ?? "";
        if (trimmed.Length == 4 && trimmed.All(char.IsAsciiDigit) && trimmed[0] != '0') pc4 = trimmed;
        else if (TryNormalize(trimmed, out var normalized)) pc4 = Pc4(normalized);
        else pc4 = "";
        return pc4.Length > 0;
    }
}

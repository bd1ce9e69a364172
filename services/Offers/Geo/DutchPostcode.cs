using System.Text.RegularExpressions;

namespace IdoPlatform.Offers.Geo;

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

    public static bool IsValid(string? input) => TryNormalize(input, out _);

    /// <summary>The four digits of a normalized postcode.</summary>
    public static string Pc4(string normalizedPostcode) => normalizedPostcode[..4];
}

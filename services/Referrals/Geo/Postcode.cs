using System.Text.RegularExpressions;

namespace IdoPlatform.Referrals.Geo;

/// <summary>A Dutch postcode: 4 digits (first not 0) and 2 letters, never SA, SD or SS; stored compact, upper case.</summary>
public static partial class Postcode
{
    [GeneratedRegex("^[1-9][0-9]{3}[A-Z]{2}$")]
    private static partial Regex Compact();

    /// <summary>The compact form (<c>2311EZ</c>) of what a person typed (<c>2311 ez</c>), or null when it is no postcode.</summary>
    public static string? Normalize(string? input)
    {
        if (input is null) return null;
        var compact = input.Replace(" ", "").ToUpperInvariant();
        if (!Compact().IsMatch(compact)) return null;
        return compact[4..] is "SA" or "SD" or "SS" ? null : compact;
    }

    public static string Pc4(string compactPostcode) => compactPostcode[..4];
}

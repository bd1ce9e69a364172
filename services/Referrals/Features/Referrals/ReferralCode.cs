using System.Security.Cryptography;

namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>
/// The short code a citizen brings to the desk, e.g. <c>K7QF-2M9D</c>. Eight characters from an
/// alphabet without look-alikes (no 0/O, 1/I/L, U/V kept apart by dropping U), drawn with a
/// cryptographic RNG: 30^8 ≈ 6.6·10^11 codes, so guessing a live one is hopeless.
/// </summary>
public static class ReferralCode
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 8;

    public static string New()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, Length);
        return Format(chars);
    }

    /// <summary>Reads a code as a person may type it (lower case, spaces, with or without the hyphen);
    /// null when it cannot be one of ours.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        Span<char> chars = stackalloc char[Length];
        var count = 0;
        foreach (var c in input)
        {
            if (c is ' ' or '-') continue;
            var upper = char.ToUpperInvariant(c);
            if (count == Length || !Alphabet.Contains(upper)) return null;
            chars[count++] = upper;
        }
        return count == Length ? Format(chars) : null;
    }

    private static string Format(ReadOnlySpan<char> chars) => $"{chars[..4]}-{chars[4..]}";
}

namespace IdoPlatform.Contracts.Codes;

/// <summary>
/// The short code a citizen brings from an agency to the desk, e.g. <c>K7QF-2M9D</c>: eight characters
/// from an alphabet without look-alikes (no 0/O, 1/I/L, U/V kept apart by dropping U), a hyphen after four.
/// Shared because referrals issues the codes and registrations takes them at the desk: both read them alike.
/// </summary>
public static class ReferralCodes
{
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 8;

    /// <summary>Reads a code as a person may type it (lower case, spaces, with or without the hyphen) into
    /// its canonical form (upper case, hyphen after four); null when it cannot be a code.</summary>
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

    public static bool IsValid(string? input) => Normalize(input) is not null;

    /// <summary>The canonical form of <see cref="Length"/> characters from <see cref="Alphabet"/>.</summary>
    public static string Format(ReadOnlySpan<char> chars) => $"{chars[..4]}-{chars[4..]}";
}

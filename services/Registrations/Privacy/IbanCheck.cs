namespace IdoPlatform.Registrations.Privacy;

/// <summary>The ISO 13616 check: move the first four characters to the end, letters become 10..35,
/// and the number modulo 97 must be 1.</summary>
public static class IbanCheck
{
    public static bool HasValidChecksum(ReadOnlySpan<char> iban)
    {
        if (iban.Length is < 15 or > 34) return false;
        if (!char.IsAsciiLetter(iban[0]) || !char.IsAsciiLetter(iban[1])) return false;
        if (!char.IsAsciiDigit(iban[2]) || !char.IsAsciiDigit(iban[3])) return false;

        var remainder = 0;
        for (var i = 0; i < iban.Length; i++)
        {
            var c = char.ToUpperInvariant(iban[(i + 4) % iban.Length]);
            if (char.IsAsciiDigit(c)) remainder = (remainder * 10 + (c - '0')) % 97;
            else if (c is >= 'A' and <= 'Z') remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
            else return false;
        }
        return remainder == 1;
    }
}

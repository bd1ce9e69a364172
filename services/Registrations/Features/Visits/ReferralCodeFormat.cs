namespace IdoPlatform.Registrations.Features.Visits;

/// <summary>
/// The shape of the codes the referrals service issues (<c>K7QF-2M9D</c>: eight characters from an
/// alphabet without look-alikes). Checked here so the field cannot carry anything else; whether the
/// code exists is the referrals service's business when it hears of the visit.
/// </summary>
public static class ReferralCodeFormat
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Length = 8;

    /// <summary>The code in its canonical form (upper case, hyphen after four), or null when it cannot be one.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var chars = new List<char>(Length);
        foreach (var c in input)
        {
            if (c is ' ' or '-') continue;
            var upper = char.ToUpperInvariant(c);
            if (chars.Count == Length || !Alphabet.Contains(upper)) return null;
            chars.Add(upper);
        }
        if (chars.Count != Length) return null;
        return $"{new string(chars.ToArray(), 0, 4)}-{new string(chars.ToArray(), 4, 4)}";
    }
}

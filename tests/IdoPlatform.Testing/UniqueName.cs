using System.Text;

namespace IdoPlatform.Testing;

/// <summary>Database and virtual host names: the caller's readable prefix plus a random suffix.</summary>
internal static class UniqueName
{
    /// <summary>Lower-case letters, digits and underscores only, starting with a letter, at most 63
    /// characters (PostgreSQL's identifier limit), so it never needs quoting rules to be right.</summary>
    public static string For(string prefix)
    {
        var clean = new StringBuilder();
        foreach (var character in prefix.ToLowerInvariant())
            clean.Append(character is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? character : '_');
        var readable = clean.ToString().Trim('_');
        if (readable.Length == 0 || !char.IsAsciiLetterLower(readable[0]))
            readable = "t_" + readable;
        if (readable.Length > 40)
            readable = readable[..40];
        return $"{readable}_{Guid.NewGuid().ToString("N")[..12]}";
    }
}

namespace IdoPlatform.Registrations.Privacy;

/// <summary>
/// A run of digits as people type numbers: groups joined by single separators (<c>123 456 782</c>,
/// <c>06-1234 5678</c>, <c>(020) 123 4567</c>, <c>+31 6 12345678</c>).
/// </summary>
internal sealed record NumberChain(string Digits, bool LeadingPlus, IReadOnlyList<string> Groups)
{
    private const string Separators = " .-/()";

    /// <summary>The whole chain and each of its groups: a BSN may be written whole right next to another number.</summary>
    public IEnumerable<string> Candidates() => Groups.Count == 1 ? [Digits] : Groups.Prepend(Digits);

    public static IEnumerable<NumberChain> FindAll(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var start = FindStart(text, i);
            if (start < 0) yield break;
            var plus = text[start] == '+';
            var j = plus ? start + 1 : start;
            var groups = new List<string>();
            while (true)
            {
                // Separators (at most three, like ") " or " - ") only join when a digit follows.
                var k = j;
                while (k < text.Length && k - j < 3 && Separators.Contains(text[k])) k++;
                if (k >= text.Length || !char.IsAsciiDigit(text[k])) break;
                var g = k;
                while (g < text.Length && char.IsAsciiDigit(text[g])) g++;
                groups.Add(text[k..g]);
                j = g;
            }
            i = Math.Max(j, start + 1);
            if (groups.Count > 0) yield return new NumberChain(string.Concat(groups), plus, groups);
        }
    }

    // A chain starts at a digit, '+' or '(' that does not continue a word (e.g. the digits inside "NL91ABNA").
    private static int FindStart(string text, int from)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiDigit(c) && c is not ('+' or '(')) continue;
            if (i > 0 && char.IsLetterOrDigit(text[i - 1])) continue;
            return i;
        }
        return -1;
    }
}

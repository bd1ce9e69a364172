using System.Globalization;

namespace IdoPlatform.Web.Desk;

/// <summary>The rows of a list in a posted form (<c>questions[0].topic</c>, <c>topics[2].hours[1].day</c>), read only as
/// the pages write them: ASCII digits, no sign or leading zero, below the list's size. A key naming any other row (an
/// Arabic-Indic digit, -1, 2147483648, 100000) makes the form unknown, so the page refuses it with a reason instead of
/// throwing or dropping that field unseen.</summary>
public static class FormList
{
    /// <param name="list">The list's name in front of the index: <c>questions</c>, <c>topics[0].hours</c>.</param>
    public static (IReadOnlyList<int> Indexes, bool AllKnown) Indexes(IEnumerable<string> keys, string list, int size)
    {
        var indexes = new SortedSet<int>();
        var allKnown = true;
        foreach (var key in keys.Where(k => k.Length > list.Length && k.StartsWith(list, StringComparison.Ordinal) && k[list.Length] == '['))
        {
            var start = list.Length + 1;
            var end = key.IndexOf(']', start);
            var raw = end < 0 ? "" : key[start..end];
            // int.TryParse takes only ASCII digits (NumberStyles.None: no sign, no spaces) and refuses an overflow; the round
            // trip refuses leading zeros, which would name another field than the one read (questions[01] is not questions[1]).
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < size
                && raw == index.ToString(CultureInfo.InvariantCulture))
                indexes.Add(index);
            else
                allKnown = false;
        }
        return ([.. indexes], allKnown);
    }
}

namespace IdoPlatform.Monitoring.Reporting;

/// <summary>One result cell as suppression sees it: its coordinates and its visit count.</summary>
/// <param name="Coordinates">Period and grouped dimension values, in the table's column order.</param>
/// <param name="Parents">Per grouped geographic dimension, the coarser areas it lies in
/// (a municipality's province; a location's municipality and organisation), whose totals are public.</param>
public sealed record SuppressionCell(
    string[] Coordinates,
    IReadOnlyDictionary<int, string[]> Parents,
    long Visits);

/// <summary>
/// Small-cell suppression for published aggregates. Primary: a cell with fewer than
/// <see cref="MinimumVisits"/> visits is withheld. Secondary (complementary): along every dimension of
/// the table, the cells that add up to a public total (the same values for every other dimension, and
/// the same parent area) must never hold exactly one withheld cell, or subtraction would reveal it; the
/// smallest other cell of such a group is withheld too, until no group has a lone withheld cell.
/// </summary>
/// <remarks>
/// A lone withheld cell with no partner in its group (the only non-empty one) cannot be protected by a
/// second cell of this table; it stays withheld.
/// </remarks>
public static class SmallCellSuppression
{
    public const int MinimumVisits = 5;

    /// <returns>For each cell, whether it is withheld.</returns>
    public static bool[] Apply(IReadOnlyList<SuppressionCell> cells)
    {
        var withheld = cells.Select(c => c.Visits < MinimumVisits).ToArray();
        if (!withheld.Any(w => w) || cells.Count == 0) return withheld;

        // The groups never change, only which members are withheld: form them once.
        var groups = Groupings(cells[0])
            .SelectMany(key => Enumerable.Range(0, cells.Count).GroupBy(i => key(cells[i])).Select(g => g.ToArray()))
            .Where(g => g.Length > 1)
            .ToList();
        bool changed;
        do
        {
            changed = false;
            foreach (var members in groups)
            {
                var count = 0;
                foreach (var i in members) if (withheld[i]) count++;
                if (count != 1) continue;
                var partner = members.Where(i => !withheld[i]).OrderBy(i => cells[i].Visits).ThenBy(i => i).First();
                withheld[partner] = true;
                changed = true;
            }
        } while (changed);
        return withheld;
    }

    /// <summary>For each coordinate (and each parent of a geographic one): the key of the group that adds up
    /// along it, i.e. every other coordinate plus that parent.</summary>
    private static IEnumerable<Func<SuppressionCell, string>> Groupings(SuppressionCell shape)
    {
        for (var along = 0; along < shape.Coordinates.Length; along++)
        {
            var axis = along;
            string Others(SuppressionCell c) =>
                string.Join('\u001f', c.Coordinates.Where((_, i) => i != axis));
            if (shape.Parents.TryGetValue(axis, out var parents) && parents.Length > 0)
                for (var p = 0; p < parents.Length; p++)
                {
                    var parent = p;
                    yield return c => Others(c) + '\u001e' + c.Parents[axis][parent];
                }
            else
                yield return Others;
        }
    }
}

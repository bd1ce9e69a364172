using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class SmallCellSuppressionTests
{
    private static SuppressionCell Cell(long visits, params string[] coordinates) =>
        new(coordinates, new Dictionary<int, string[]>(), visits);

    private static SuppressionCell Municipality(string province, string municipality, string topic, long visits) =>
        new([municipality, topic], new Dictionary<int, string[]> { [0] = [province] }, visits);

    [Fact]
    public void Cells_of_five_or_more_visits_show_and_smaller_ones_do_not()
    {
        var withheld = SmallCellSuppression.Apply([Cell(5, "a"), Cell(4, "b"), Cell(3, "c"), Cell(100, "d")]);
        Assert.Equal([false, true, true, false], withheld);
    }

    [Fact]
    public void A_lone_small_cell_takes_the_smallest_other_cell_of_its_total_with_it()
    {
        // Without a second withheld cell, the total (public elsewhere) minus the others would reveal b.
        var withheld = SmallCellSuppression.Apply([Cell(50, "a"), Cell(2, "b"), Cell(9, "c"), Cell(7, "d")]);
        Assert.Equal([false, true, false, true], withheld);
    }

    [Fact]
    public void Every_total_along_every_dimension_keeps_zero_or_at_least_two_withheld_cells()
    {
        var cells = new List<SuppressionCell>();
        var random = new Random(7);
        foreach (var province in new[] { "Utrecht", "Zeeland" })
            for (var m = 0; m < 5; m++)
                foreach (var topic in new[] { "digid", "huur", "toeslagen", "zorg" })
                    cells.Add(Municipality(province, $"{province}-{m}", topic, random.Next(1, 30)));

        var withheld = SmallCellSuppression.Apply(cells);

        Assert.All(cells.Select((c, i) => (c, i)).Where(x => x.c.Visits < 5), x => Assert.True(withheld[x.i]));
        // Along municipality, within each province (a province's total per topic is public).
        foreach (var group in cells.Select((c, i) => (c, i)).GroupBy(x => (x.c.Parents[0][0], x.c.Coordinates[1])))
            Assert.NotEqual(1, group.Count(x => withheld[x.i]));
        // Along topic, within each municipality.
        foreach (var group in cells.Select((c, i) => (c, i)).GroupBy(x => x.c.Coordinates[0]))
            Assert.NotEqual(1, group.Count(x => withheld[x.i]));
    }

    [Fact]
    public void A_total_within_a_province_is_protected_even_when_the_national_total_is()
    {
        // Utrecht's digid total minus u2 would reveal u1, though nationally two cells are withheld.
        var withheld = SmallCellSuppression.Apply([
            Municipality("Utrecht", "u1", "digid", 3),
            Municipality("Utrecht", "u2", "digid", 40),
            Municipality("Zeeland", "z1", "digid", 2),
            Municipality("Zeeland", "z2", "digid", 30),
        ]);
        Assert.Equal([true, true, true, true], withheld);
    }

    [Fact]
    public void Nothing_small_nothing_withheld()
    {
        Assert.All(SmallCellSuppression.Apply([Cell(5, "a"), Cell(6, "b")]), Assert.False);
    }
}

using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

/// <summary>A history's "what changed": a resource's fields by JSON path, and the differences between two states.</summary>
public sealed class FieldChangesTests
{
    private sealed record Row(string Day, TimeOnly Opens);

    private sealed record Place(string Name, Inner Address, IReadOnlyList<Row> Hours,
        IReadOnlyList<string> Tags, bool Open, DateOnly? Since);

    private sealed record Inner(string City, int Number);

    private static Place Leiden() => new("Leiden", new Inner("Leiden", 7), [new Row("tuesday", new TimeOnly(10, 0))],
        [], true, null);

    [Fact]
    public void A_resource_is_read_as_its_api_writes_it_by_path()
    {
        var leaves = FieldChanges.Leaves(Leiden() with { Tags = ["a", "b"], Since = new DateOnly(2024, 3, 1) }).ToList();

        Assert.Contains(("address.city", "Leiden"), leaves);
        Assert.Contains(("address.number", "7"), leaves);
        Assert.Contains(("hours[0].day", "tuesday"), leaves);
        Assert.Contains(("hours[0].opens", "10:00:00"), leaves);
        Assert.Contains(("tags", "a,b"), leaves);
        Assert.Contains(("open", "true"), leaves);
        Assert.Contains(("since", "2024-03-01"), leaves);
        Assert.Contains(("tags", null), FieldChanges.Leaves(Leiden())); // an empty list is no value
        Assert.Empty(FieldChanges.Leaves(null));
    }

    [Fact]
    public void Only_what_differs_is_a_change_and_a_row_taken_out_goes_to_nothing()
    {
        var before = Leiden() with { Hours = [new Row("tuesday", new TimeOnly(10, 0)), new Row("friday", new TimeOnly(9, 0))] };
        var after = Leiden() with { Name = "Gracht", Open = false };

        Assert.Equal(
            [new FieldChange("name", "Leiden", "Gracht"), new FieldChange("open", "true", "false"),
             new FieldChange("hours[1].day", "friday", null), new FieldChange("hours[1].opens", "09:00:00", null)],
            FieldChanges.Between(FieldChanges.Leaves(before), FieldChanges.Leaves(after)));
        Assert.Empty(FieldChanges.Between(FieldChanges.Leaves(after), FieldChanges.Leaves(after)));
    }
}

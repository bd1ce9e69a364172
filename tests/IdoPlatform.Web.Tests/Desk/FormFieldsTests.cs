using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Tests.Support;

namespace IdoPlatform.Web.Tests.Desk;

/// <summary>The one reader of single-value fields the forms share: one value each, a doubled field refused at that field.</summary>
public sealed class FormFieldsTests
{
    private static FormFields Posted(params (string Key, string[] Values)[] fields) => new(PostedForm.Of(fields));

    [Fact]
    public void A_field_is_read_trimmed_blank_as_absent_or_as_sent()
    {
        var fields = Posted(("title", ["  Klik & Tik "]), ("note", ["   "]), ("lines", [" een\r\n twee "]));

        Assert.Equal("Klik & Tik", fields.Text("title"));
        Assert.Null(fields.Text("note"));
        Assert.Null(fields.Text("absent"));
        Assert.Equal(" een\r\n twee ", fields.Raw("lines"));
        Assert.Null(fields.Raw("absent"));
        Assert.False(fields.Unreadable.Any);
    }

    [Fact]
    public void A_field_sent_twice_is_refused_once_at_that_field_with_the_other_reasons_in_reading_order()
    {
        var fields = Posted(("title", ["a", "b"]), ("openingHours[0].opens", ["", ""]), ("locationIds", ["NL-1", "NL-2"]));

        Assert.Equal("a", fields.Text("title")); // shown again as the first, never "a,b"
        fields.Text("title");
        fields.Refuse("openingHours", "Onbekende rij.");
        Assert.Null(fields.Text("openingHours[0].opens")); // blank twice is still twice
        fields.Refuse("openingHours", "Onbekende rij.");

        Assert.Equal([("title", FormFields.Doubled), ("openingHours", "Onbekende rij."), ("openingHours[0].opens", FormFields.Doubled)],
            fields.Unreadable.All);
    }
}

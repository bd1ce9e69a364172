using IdoPlatform.Web.Library;

namespace IdoPlatform.Web.Tests.Library;

/// <summary>A location's or offer's history in the admin's words: field paths as Dutch labels, values as Dutch text.</summary>
public sealed class LibraryTextTests
{
    [Theory]
    [InlineData("openingHours[1].day", "saturday", "zaterdag")]
    [InlineData("schedule.recurrences[0].frequency", "biweekly", "om de week")]
    [InlineData("status", "withdrawn", "Ingetrokken")]
    [InlineData("ido.hasIdo", "true", "Ja")]
    [InlineData("visible", "false", "Nee")]
    [InlineData("ido.openedOn", "2024-03-01", "1 maart 2024")]
    [InlineData("schedule.exceptions", "2027-01-19,2027-01-26", "19 januari 2027, 26 januari 2027")]
    [InlineData("whatToBring", "Uw DigiD (naam, wachtwoord),Laptop", "Uw DigiD (naam, wachtwoord), Laptop")]
    [InlineData("title", "Klik & Tik, de basis", "Klik & Tik, de basis")]
    [InlineData("name", null, "–")]
    public void A_changed_value_reads_in_dutch(string field, string? value, string shown) =>
        Assert.Equal(shown, LibraryText.ChangeValue(field, value));

    [Theory]
    [InlineData("address.street", "Straat")]
    [InlineData("openingHours[1].closes", "Openingstijd 2: open tot")]
    [InlineData("schedule.sessions[0].startTime", "Losse datum 1: begint om")]
    [InlineData("ido.openedOn", "IDO sinds")]
    public void A_changed_field_is_named_in_dutch(string field, string label) => Assert.Equal(label, LibraryText.Label(field));

    [Theory]
    [InlineData("openingHours[٣].closes")] // an Arabic-Indic three: a \d matched it and int.Parse threw
    [InlineData("schedule.sessions[99999999999].date")]
    public void A_field_whose_index_is_no_small_ascii_number_is_named_without_throwing(string field) =>
        Assert.Equal(field, LibraryText.Label(field));
}

using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Library;
using IdoPlatform.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Web.Tests.Library;

/// <summary>Reading the posted location and offer forms: only the row numbers the page writes, one value per single field.</summary>
public sealed class AdminFormTests
{
    private static IFormCollection Posted(params (string Key, string[] Values)[] fields) => PostedForm.Of(fields);

    [Fact]
    public void The_location_form_is_read_row_by_row_even_past_a_gap()
    {
        var (form, unreadable) = LocationForm.Read(Posted(("openingHours[0].day", ["monday"]), ("openingHours[0].opens", ["09:00"]),
            ("openingHours[0].closes", ["12:00"]), ("openingHours[2].day", ["friday"]), ("openingHours[2].opens", ["13:00"]),
            ("openingHours[3].day", ["sunday"]), ("ido.hasIdo", ["true"]), ("ido.openedOn", [""])));

        Assert.False(unreadable.Any);
        Assert.Equal([new OpeningRow("monday", "09:00", "12:00"), new OpeningRow("friday", "13:00", null)], form.Hours); // was only row 0
        Assert.True(form.HasIdo);
        Assert.Null(form.IdoOpenedOn);
    }

    [Theory]
    [InlineData("openingHours[٣].opens")] // an Arabic-Indic three
    [InlineData("openingHours[100].opens")]
    [InlineData("openingHours[-1].opens")]
    [InlineData("openingHours[01].opens")]
    public void A_location_row_the_page_never_writes_is_refused_not_dropped(string key)
    {
        var (form, unreadable) = LocationForm.Read(Posted(("openingHours[0].day", ["monday"]), ("openingHours[0].opens", ["09:00"]), (key, ["10:00"])));

        Assert.Equal([("openingHours", LocationForm.UnknownRow)], unreadable.All);
        Assert.Equal("09:00", Assert.Single(form.Hours).Opens); // the rest comes back, to send again
    }

    [Theory]
    [InlineData("openingHours[0].opens")]
    [InlineData("ido.hasIdo")]
    [InlineData("ido.openedOn")]
    public void A_location_field_of_one_value_sent_twice_is_refused_at_that_field(string field)
    {
        var fields = new Dictionary<string, StringValues> { ["openingHours[0].day"] = "monday", ["openingHours[0].opens"] = "09:00", [field] = new(["a", "b"]) };

        var (_, unreadable) = LocationForm.Read(new FormCollection(fields));

        Assert.Equal([(field, FormFields.Doubled)], unreadable.All);
    }

    [Fact]
    public void The_offer_form_keeps_its_repeating_fields_and_reads_rows_past_a_gap()
    {
        var (form, unreadable) = OfferForm.Read(Posted(("title", [" Klik & Tik "]), ("locationIds", ["NL-1", "NL-2"]),
            ("schedule.exceptions", ["2027-01-19", "", "2027-01-26"]), ("schedule.recurrences[0].frequency", ["weekly"]),
            ("schedule.recurrences[0].startTime", ["10:00"]), ("schedule.sessions[1].date", ["2027-02-01"])));

        Assert.False(unreadable.Any);
        Assert.Equal("Klik & Tik", form.Title);
        Assert.Equal(["NL-1", "NL-2"], form.LocationIds);
        Assert.Equal(["2027-01-19", "2027-01-26"], form.Exceptions);
        Assert.Equal("10:00", Assert.Single(form.Recurrences).StartTime);
        Assert.Equal("2027-02-01", Assert.Single(form.Sessions).Date); // was dropped: no row 0
    }

    [Theory]
    [InlineData("schedule.recurrences[٣].day", "schedule.recurrences", OfferForm.UnknownRecurrence)]
    [InlineData("schedule.recurrences[21].day", "schedule.recurrences", OfferForm.UnknownRecurrence)] // 20 at most, and one spare
    [InlineData("schedule.sessions[-1].date", "schedule.sessions", OfferForm.UnknownSession)]
    [InlineData("schedule.sessions[2147483648].date", "schedule.sessions", OfferForm.UnknownSession)]
    public void An_offer_row_the_page_never_writes_is_refused_at_its_list(string key, string list, string reason)
    {
        var (form, unreadable) = OfferForm.Read(Posted(("title", ["Klik & Tik"]), ("schedule.recurrences[0].startTime", ["10:00"]), (key, ["x"])));

        Assert.Equal([(list, reason)], unreadable.All);
        Assert.Equal("Klik & Tik", form.Title);
    }

    [Theory]
    [InlineData("title")]
    [InlineData("walkIn")]
    [InlineData("schedule.recurrences[0].day")]
    [InlineData("schedule.sessions[0].date")]
    public void An_offer_field_of_one_value_sent_twice_is_refused_at_that_field(string field)
    {
        var fields = new Dictionary<string, StringValues>
        {
            ["title"] = "Klik & Tik", ["locationIds"] = new(["NL-1", "NL-2"]), ["schedule.exceptions"] = new(["2027-01-19", "2027-01-26"]),
            ["schedule.recurrences[0].startTime"] = "10:00", ["schedule.sessions[0].startTime"] = "10:00", [field] = new(["a", "b"]),
        };

        var (form, unreadable) = OfferForm.Read(new FormCollection(fields));

        Assert.Equal([(field, FormFields.Doubled)], unreadable.All);
        Assert.NotEqual("a,b", form.Title);
    }
}

using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Referrals;
using IdoPlatform.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Web.Tests.Referrals;

/// <summary>Reading the posted referral profile form: only the row numbers the page writes, one value per single field.</summary>
public sealed class ProfileFormTests
{
    private static IFormCollection Posted(params (string Key, string Value)[] fields) => PostedForm.Of(fields);

    [Fact]
    public void The_form_as_the_page_writes_it_is_read_without_its_empty_spare_block()
    {
        var (form, unreadable) = ProfileForm.Read(Posted(("topics[0].topic", "uwv"), ("topics[0].hours[0].day", "monday"),
            ("topics[0].hours[1].day", ""), ("topics[1].topic", "")));

        Assert.False(unreadable.Any);
        Assert.Equal("monday", Assert.Single(Assert.Single(form.Topics).Hours).Day);
    }

    [Theory]
    [InlineData("topics[٣].topic")] // an Arabic-Indic three: a \d matched it and int.Parse threw (an empty 500)
    [InlineData("topics[100].topic")]
    [InlineData("topics[-1].topic")]
    [InlineData("topics[0].hours[٣].day")]
    [InlineData("topics[0].hours[2147483648].day")]
    public void A_row_number_the_form_never_writes_is_refused_not_dropped(string key)
    {
        var (form, unreadable) = ProfileForm.Read(Posted(("topics[0].topic", "uwv"), ("topics[0].hours[0].day", "monday"), (key, "x")));

        Assert.Equal([ProfileForm.UnknownRow], unreadable.For("topics"));
        Assert.Equal("uwv", Assert.Single(form.Topics).Topic); // the rest comes back, to send again
    }

    [Theory]
    [InlineData("topics[0].contact.phone")]
    [InlineData("topics[0].hours[0].opens")]
    [InlineData("topics[0].idoMayDo")]
    public void A_field_of_one_value_sent_twice_is_refused_at_that_field(string field)
    {
        var fields = new Dictionary<string, StringValues>
        {
            ["topics[0].topic"] = "uwv", ["topics[0].hours[0].day"] = "monday", [field] = new(["a", "b"]),
        };

        var (_, unreadable) = ProfileForm.Read(new FormCollection(fields));

        Assert.Equal([(field, FormFields.Doubled)], unreadable.All); // was the first taken
    }

    [Theory]
    [InlineData("topics[٣].topic")]
    [InlineData("topics[99999999999].topic")]
    public void A_field_name_whose_index_is_no_small_ascii_number_is_shown_as_it_is(string field) =>
        Assert.Equal(field, ProfileForm.Label(field));
}

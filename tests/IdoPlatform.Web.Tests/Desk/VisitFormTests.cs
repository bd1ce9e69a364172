using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Pages.Balie;
using IdoPlatform.Web.Platform;
using IdoPlatform.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Web.Tests.Desk;

/// <summary>The pure parts behind the desk forms: reading a posted form, the body sent to the API, and where each of
/// the API's invalidParams is shown.</summary>
public sealed class VisitFormTests
{
    private static IFormCollection Posted(params (string Key, string[] Values)[] fields) => PostedForm.Of(fields);

    [Fact]
    public void A_posted_form_is_read_with_every_question_and_blanks_as_absent()
    {
        var (form, unreadable) = VisitForm.Read(Posted(
            ("locationId", ["NL-900101-0001"]), ("channel", ["in-person"]), ("note", ["  "]), ("referralCode", ["k7qf-2m9d"]),
            ("questions[0].topic", ["digid"]), ("questions[0].durationBand", ["10-20"]), ("questions[0].helpGiven", ["explained", "referred"]),
            ("questions[0].referredTo", ["uwv"]), ("questions[1].topic", ["huur"]), ("questions[1].organisation", [""])));

        Assert.False(unreadable.Any);
        Assert.Equal("NL-900101-0001", form.LocationId);
        Assert.Null(form.Note);
        Assert.Equal(2, form.Questions.Count);
        Assert.Equal(["explained", "referred"], form.Questions[0].HelpGiven);
        Assert.Equal("uwv", form.Questions[0].ReferredTo);
        Assert.Equal("huur", form.Questions[1].Topic);
        Assert.Null(form.Questions[1].Organisation);
        Assert.Empty(form.Questions[1].HelpGiven);
    }

    [Theory]
    [InlineData("questions[٣].topic")] // an Arabic-Indic three: a \d matched it and int.Parse threw (an empty 500)
    [InlineData("questions[10].topic")] // at most 10 questions: 0–9
    [InlineData("questions[100000].topic")]
    [InlineData("questions[2147483648].topic")]
    [InlineData("questions[-1].topic")]
    [InlineData("questions[01].topic")]
    [InlineData("questions[].topic")]
    public void A_question_number_the_form_never_writes_is_refused_not_dropped(string key)
    {
        var (form, unreadable) = VisitForm.Read(Posted(("channel", ["in-person"]), ("questions[0].topic", ["digid"]), (key, ["huur"])));

        Assert.Equal([VisitForm.UnknownQuestion], unreadable.For("questions"));
        Assert.Equal("digid", Assert.Single(form.Questions).Topic); // the rest comes back, to send again
    }

    [Theory]
    [InlineData("locationId")]
    [InlineData("channel")]
    [InlineData("note")]
    [InlineData("questions[0].durationBand")]
    public void A_field_of_one_value_sent_twice_is_refused_at_that_field(string field)
    {
        var fields = new Dictionary<string, StringValues>
        {
            ["locationId"] = "NL-900101-0001", ["channel"] = "in-person", ["questions[0].topic"] = "digid",
            ["questions[0].helpGiven"] = new(["explained", "referred"]), // a list: twice is fine
            [field] = new(["a", "b"]),
        };

        var (_, unreadable) = VisitForm.Read(new FormCollection(fields));

        Assert.Equal([(field, FormFields.Doubled)], unreadable.All);
    }

    [Fact]
    public void An_unreadable_moment_is_refused_and_an_empty_one_means_now()
    {
        var (_, unreadable) = VisitForm.Read(Posted(("occurredAt", ["9999-99-99T99:99"]), ("questions[0].topic", ["digid"])));
        var (now, none) = VisitForm.Read(Posted(("occurredAt", [""]), ("questions[0].topic", ["digid"])));
        var (script, fine) = VisitForm.Read(Posted(("occurredAt", ["2026-12-04T11:40:05.123Z"]), ("questions[0].topic", ["digid"])));

        Assert.Equal([VisitForm.UnreadableMoment], unreadable.For("occurredAt"));
        Assert.False(none.Any);
        Assert.Null(now.OccurredAt); // what the form sends without the page script
        Assert.False(fine.Any);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 11, 40, 5, 123, TimeSpan.Zero), script.OccurredAt);
    }

    [Fact]
    public void A_hidden_moment_without_an_offset_is_a_dutch_clocks_time_not_utc()
    {
        var (form, none) = VisitForm.Read(Posted(("occurredAt", ["2026-07-01T10:30"]), ("questions[0].topic", ["digid"])));

        Assert.False(none.Any);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero), form.OccurredAt);
    }

    [Fact]
    public void The_typed_date_and_time_win_over_the_moment_of_saving_even_when_ahead_and_are_read_in_dutch_time()
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        var (yesterday, none) = VisitForm.Read(Posted(("occurredAt", ["2026-12-04T11:40:05.123Z"]),
            (VisitForm.DateField, ["2026-12-03"]), (VisitForm.TimeField, ["15:10"]), ("questions[0].topic", ["digid"])));
        var (tomorrow, _) = VisitForm.Read(Posted((VisitForm.DateField, ["2026-12-05"]), (VisitForm.TimeField, ["09:00"])));

        Assert.False(none.Any);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 14, 10, 0, TimeSpan.Zero), Sent(yesterday.ToRegistration(now)));
        // Not dropped as a desk clock running ahead: sent, so the API refuses it at the field.
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 8, 0, 0, TimeSpan.Zero), Sent(tomorrow.ToRegistration(now)));
    }

    [Fact]
    public void A_correction_sends_no_moment_unless_its_date_or_time_was_changed()
    {
        // The visit happened at 10:42:17 Dutch time; the form shows 10:42.
        const string shown = "2026-12-01T09:42:17.1234567+00:00";
        var (untouched, _) = VisitForm.Read(Posted(("occurredAt", [shown]), (VisitForm.DateField, ["2026-12-01"]), (VisitForm.TimeField, ["10:42"])));
        var (changed, _) = VisitForm.Read(Posted(("occurredAt", [shown]), (VisitForm.DateField, ["2026-12-01"]), (VisitForm.TimeField, ["09:42"])));

        Assert.Null(Sent(untouched.ToCorrection())); // the API keeps the moment to the second, and the history shows no change
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 42, 0, TimeSpan.Zero), Sent(changed.ToCorrection()));
    }

    [Fact]
    public void A_refused_date_or_time_lands_on_occurredAt_with_what_was_typed_kept()
    {
        var (form, unreadable) = VisitForm.Read(Posted((VisitForm.DateField, ["2026-03-29"]), (VisitForm.TimeField, ["02:30"])));

        Assert.Equal([("occurredAt", DutchTime.SkippedHour)], unreadable.All);
        Assert.Equal(("2026-03-29", "02:30"), (form.Date, form.Time)); // shown again to correct
        Assert.Null(form.Typed);
    }

    /// <summary>Moments no clock reading can name: refused at occurredAt, not a 500 (year 1 at 00:10 in Amsterdam was
    /// before the first instant a DateTimeOffset holds).</summary>
    [Theory]
    [InlineData("0001-01-01", "00:10", null)]
    [InlineData("9999-12-31", "23:59", null)]
    [InlineData(null, null, "0001-01-01T00:10")]
    [InlineData(null, null, "0001-01-01T00:10:00+14:00")]
    public void A_moment_outside_the_years_a_visit_can_have_is_refused_at_occurredAt(string? date, string? time, string? hidden)
    {
        var (form, unreadable) = VisitForm.Read(date is null
            ? Posted(("occurredAt", [hidden!]))
            : Posted((VisitForm.DateField, [date]), (VisitForm.TimeField, [time!])));
        Assert.Equal(["occurredAt"], unreadable.All.Select(e => e.Field));
        Assert.Null(form.Typed);
    }

    private static DateTimeOffset? Sent(object body) => (DateTimeOffset?)body.GetType().GetProperty("occurredAt")!.GetValue(body);

    [Theory]
    [InlineData("questions[٣].topic")]
    [InlineData("questions[99999999999].topic")]
    public void A_field_name_whose_index_is_no_small_ascii_number_is_shown_as_it_is(string field) =>
        Assert.Equal(field, FieldErrors.Label(field));

    [Fact]
    public void The_moment_of_saving_is_sent_unless_the_desk_clock_runs_ahead()
    {
        var now = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
        var earlier = VisitForm.Empty("NL-900101-0001") with { OccurredAt = now.AddMinutes(-20) };
        var ahead = earlier with { OccurredAt = now.AddMinutes(3) };

        Assert.Equal(now.AddMinutes(-20), Read(earlier.ToRegistration(now)));
        Assert.Null(Read(ahead.ToRegistration(now)));

        static DateTimeOffset? Read(object body) =>
            (DateTimeOffset?)body.GetType().GetProperty("occurredAt")!.GetValue(body);
    }

    [Fact]
    public void Each_invalid_param_lands_on_the_field_it_names_and_a_list_item_on_its_list()
    {
        var errors = FieldErrors.From(new ApiProblem("Ongeldige invoer", null,
        [
            new ApiInvalidParam("note", "personalData", "Lijkt op een telefoonnummer."),
            new ApiInvalidParam("questions[0].helpGiven[1]", "unknown", "Onbekende code."),
            new ApiInvalidParam("questions[1].topic", "required", "Verplicht veld: mag niet null zijn."),
        ]));

        Assert.Equal(["Lijkt op een telefoonnummer."], errors.For("note"));
        Assert.Equal(["Onbekende code."], errors.For("questions[0].helpGiven"));
        Assert.Equal([FieldErrors.Required], errors.For("questions[1].topic")); // the desk never reads "null"
        Assert.Equal("veld-questions-1-topic", FieldErrors.Id("questions[1].topic"));
        Assert.Equal("Vraag 2: onderwerp", FieldErrors.Label("questions[1].topic"));
        Assert.Empty(errors.For("channel"));
    }

    [Fact]
    public void The_summary_follows_the_form_not_the_order_the_API_checked_in()
    {
        var errors = FieldErrors.From(new ApiProblem("Ongeldige invoer", null,
        [
            new ApiInvalidParam("locationIds", "invalid", "Noem minstens één locatie."),
            new ApiInvalidParam("format", "unknown", "Onbekende code."),
            new ApiInvalidParam("schedule.sessions[0].endTime", "required", "Verplicht."),
            new ApiInvalidParam("title", "required", "Verplicht."),
            new ApiInvalidParam("schedule.recurrences[1].day", "unknown", "Onbekende dag."),
            new ApiInvalidParam("schedule.recurrences[0].day", "unknown", "Onbekende dag."),
        ]));

        var ordered = errors.InFormOrder(["title", "locationIds", "schedule.recurrences", "schedule.sessions"]).All.Select(e => e.Field);

        Assert.Equal(["title", "locationIds", "schedule.recurrences[1].day", "schedule.recurrences[0].day",
            "schedule.sessions[0].endTime", "format"], ordered); // within a field, and for fields the form lacks, the API's order stays
    }

    [Fact]
    public void The_location_is_preselected_when_the_organisation_has_one_else_the_remembered_one_if_still_there()
    {
        DeskLocation[] one = [new("NL-1", "Centrum")];
        DeskLocation[] three = [new("NL-1", "Centrum"), new("NL-2", "Noord"), new("NL-3", "Zuid")];

        Assert.Equal("NL-1", IndexModel.Preselected(one, null));
        Assert.Equal("NL-2", IndexModel.Preselected(three, "NL-2"));
        Assert.Null(IndexModel.Preselected(three, "NL-9"));
        Assert.Null(IndexModel.Preselected(three, null));
    }
}

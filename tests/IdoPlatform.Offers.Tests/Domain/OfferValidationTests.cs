using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Tests.Domain;

public class OfferValidationTests
{
    [Fact]
    public void Fields_left_out_start_from_the_offer_type_defaults()
    {
        var (content, errors) = Samples.Offer().Validate(Samples.Context());
        Assert.Empty(errors.Errors);
        Assert.Equal("spreekuur", content!.Format);
        Assert.Equal(["digid", "toeslagen"], content.Themes);
        Assert.Equal(["iedereen"], content.TargetGroups);
        Assert.True(content.WalkIn);
        Assert.Equal(["digid"], content.WhatToBring);
        Assert.Equal(1, content.OfferTypeVersion);
    }

    [Fact]
    public void Given_fields_override_the_defaults()
    {
        var request = Samples.Offer() with { Format = "cursus", Themes = ["belastingen"], WalkIn = false, SignUp = "Bel de balie." };
        var content = request.Validate(Samples.Context()).Content!;
        Assert.Equal("cursus", content.Format);
        Assert.Equal(["belastingen"], content.Themes);
        Assert.False(content.WalkIn);
    }

    [Fact]
    public void An_unknown_offer_type_is_named()
    {
        var (_, errors) = (Samples.Offer() with { OfferType = "yoga" }).Validate(Samples.Context() with { OfferType = null });
        Assert.Equal("offerType", Assert.Single(errors.Errors).Name);
    }

    [Fact]
    public void An_unknown_theme_is_named_by_its_index()
    {
        var (_, errors) = (Samples.Offer() with { Themes = ["digid", "astrologie"] }).Validate(Samples.Context());
        Assert.Equal("themes[1]", Assert.Single(errors.Errors).Name);
    }

    [Fact]
    public void A_schedule_that_ends_before_it_starts_is_refused_everywhere_it_can()
    {
        var request = Samples.Offer() with
        {
            ValidFrom = new DateOnly(2027, 1, 1),
            ValidTo = new DateOnly(2026, 1, 1),
            Schedule = new ScheduleRequest(
                Sessions: [new SessionRequest(new DateOnly(2026, 6, 1), "12:00", "10:00")],
                Recurrences: [new RecurrenceRequest("weekly", "tuesday", "14:00", "16:00", new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1))]),
        };
        var names = request.Validate(Samples.Context()).Errors.Errors.Select(e => e.Name).ToHashSet();
        Assert.Contains("validTo", names);
        Assert.Contains("schedule.sessions[0].endTime", names);
        Assert.Contains("schedule.recurrences[0].endsOn", names);
    }

    [Fact]
    public void A_session_outside_the_validity_is_refused()
    {
        var request = Samples.Offer() with
        {
            Schedule = new ScheduleRequest(Sessions: [new SessionRequest(new DateOnly(2030, 1, 1), "10:00", "11:00")]),
        };
        Assert.Equal("schedule.sessions[0].date", Assert.Single(request.Validate(Samples.Context()).Errors.Errors).Name);
    }

    [Fact]
    public void A_session_in_the_hour_summer_time_skips_is_refused()
    {
        // 28 March 2027: the clock goes from 2:00 to 3:00 in the Netherlands; 1:30 and 3:00 exist, 2:15 and 2:45 do not.
        var night = new DateOnly(2027, 3, 28);
        var request = Samples.Offer() with
        {
            ValidFrom = null, ValidTo = null,
            Schedule = new ScheduleRequest(Sessions:
            [
                new SessionRequest(night, "02:15", "02:45"), new SessionRequest(night, "01:30", "03:00"),
                new SessionRequest(night.AddDays(7), "02:15", "02:45"),
            ]),
        };
        Assert.Equal(["schedule.sessions[0].startTime", "schedule.sessions[0].endTime"],
            request.Validate(Samples.Context()).Errors.Errors.Select(e => e.Name));
    }

    [Fact]
    public void A_monthly_recurrence_needs_its_week_and_others_may_not_have_one()
    {
        var request = Samples.Offer() with
        {
            Schedule = new ScheduleRequest(Recurrences:
            [
                new RecurrenceRequest("monthly", "wednesday", "14:00", "16:00", new DateOnly(2026, 1, 1)),
                new RecurrenceRequest("weekly", "friday", "14:00", "16:00", new DateOnly(2026, 1, 1), WeekOfMonth: 2),
                new RecurrenceRequest("daily", "fryday", "4pm", "16:00"),
            ]),
        };
        var names = request.Validate(Samples.Context()).Errors.Errors.Select(e => e.Name).Order().ToList();
        Assert.Equal(
            ["schedule.recurrences[0].weekOfMonth", "schedule.recurrences[1].weekOfMonth", "schedule.recurrences[2].day",
                "schedule.recurrences[2].frequency", "schedule.recurrences[2].startTime"],
            names);
    }

    [Fact]
    public void Without_walk_in_the_way_to_sign_up_is_required()
    {
        var (_, errors) = (Samples.Offer() with { WalkIn = false }).Validate(Samples.Context());
        Assert.Equal("signUp", Assert.Single(errors.Errors).Name);
    }

    [Fact]
    public void Locations_must_exist_be_open_and_belong_to_the_organisation()
    {
        var closed = Samples.OpenLocation("NL-100001-0002") with { ClosedOn = new DateOnly(2026, 1, 1) };
        var foreign = Samples.OpenLocation("NL-200001-0001", Samples.OtherLibrary);
        var request = Samples.Offer() with
        {
            LocationIds = ["NL-100001-0001", "NL-100001-0002", "NL-200001-0001", "NL-999999-0001", "Leiden", "NL-100001-0001"],
        };
        var names = request.Validate(Samples.Context(Samples.OpenLocation(), closed, foreign)).Errors.Errors.Select(e => e.Name);
        Assert.Equal(["locationIds[1]", "locationIds[2]", "locationIds[3]", "locationIds[4]", "locationIds[5]"], names);
    }

    [Fact]
    public void Unknown_codes_in_every_list_are_named()
    {
        var request = Samples.Offer() with
        {
            TargetGroups = ["marsmannetjes"], Agencies = ["uwv", "nasa"], WhatToBring = ["paraplu"], Facilities = ["zwembad"],
            Format = "dans",
        };
        var names = request.Validate(Samples.Context()).Errors.Errors.Select(e => e.Name).Order();
        Assert.Equal(["agencies[1]", "facilities[0]", "format", "targetGroups[0]", "whatToBring[0]"], names);
    }
}

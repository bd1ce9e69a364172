using IdoPlatform.Referrals.Features.ReviseReferralProfile;
using Revision = IdoPlatform.Referrals.Features.ReviseReferralProfile.ReviseReferralProfile;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using static IdoPlatform.Referrals.Tests.Domain.Samples;

namespace IdoPlatform.Referrals.Tests.Domain;

public class ReferralProfileTests
{
    private static TopicGuidanceRequest GoodTopic(string topic = "toeslagen") => new(
        topic, "phone", new AgencyContactRequest("0800 0543", "https://www.belastingdienst.nl", null),
        [new ServiceHoursRequest("monday", "08:00", "17:00")],
        ["Helpen tot en met inloggen met DigiD"], ["Inhoudelijk advies over de aanvraag"]);

    [Fact]
    public void A_valid_profile_becomes_domain_values()
    {
        var (topics, errors) = ReferralProfileValidation.Validate(new ReviseReferralProfileRequest([GoodTopic()]));
        Assert.Empty(errors);
        var guidance = Assert.Single(topics);
        Assert.Equal(new ServiceHours(DayOfWeek.Monday, new TimeOnly(8, 0), new TimeOnly(17, 0)), Assert.Single(guidance.Hours));
        Assert.Equal("0800 0543", guidance.Contact.Phone);
    }

    [Fact]
    public void Every_bad_field_is_named_with_its_json_path()
    {
        var bad = new TopicGuidanceRequest("ruimtevaart", "pigeon", new AgencyContactRequest("bel me", "http://x.nl", null),
            [new ServiceHoursRequest("maandag", "25:00", "08:00")], ["", new string('x', 201)], null);
        var (_, errors) = ReferralProfileValidation.Validate(new ReviseReferralProfileRequest([GoodTopic(), bad, GoodTopic()]));
        Assert.Equal(
            [
                "topics[1].topic", "topics[1].channel", "topics[1].contact.phone", "topics[1].contact.website",
                "topics[1].hours[0].day", "topics[1].hours[0].opens", "topics[1].idoMayDo[0]", "topics[1].idoMayDo[1]",
                "topics[2].topic",
            ],
            errors.Select(e => e.Name));
    }

    [Theory]
    [InlineData("phone", "phone")]
    [InlineData("website", "website")]
    [InlineData("counter", "address")]
    [InlineData("appointment", "website")]
    public void The_channel_needs_its_contact_detail(string channel, string field)
    {
        var dto = GoodTopic() with { Channel = channel, Contact = new AgencyContactRequest(null, null, null) };
        var (_, errors) = ReferralProfileValidation.Validate(new ReviseReferralProfileRequest([dto]));
        Assert.Equal($"topics[0].contact.{field}", Assert.Single(errors).Name);
    }

    [Fact]
    public void Closing_before_opening_is_refused()
    {
        var dto = GoodTopic() with { Hours = [new ServiceHoursRequest("friday", "17:00", "09:00")] };
        var (_, errors) = ReferralProfileValidation.Validate(new ReviseReferralProfileRequest([dto]));
        Assert.Equal("topics[0].hours[0].closes", Assert.Single(errors).Name);
    }

    [Fact]
    public void A_missing_topic_list_is_named()
    {
        var (_, errors) = ReferralProfileValidation.Validate(new ReviseReferralProfileRequest(null));
        Assert.Equal("topics", Assert.Single(errors).Name);
    }

    [Fact]
    public void Revising_to_the_same_profile_appends_nothing_and_history_accumulates()
    {
        var (topics, _) = ReferralProfileValidation.Validate(new ReviseReferralProfileRequest([GoodTopic()]));
        var empty = ReferralProfile.Empty("toeslagen");
        var first = Revision.Decide(empty, topics, Now);
        var revised = Assert.IsType<ReferralProfileRevised>(Assert.Single(first));
        var state = ReferralProfile.Evolve(empty, revised);

        var (same, _) = ReferralProfileValidation.Validate(new ReviseReferralProfileRequest([GoodTopic()]));
        Assert.Empty(Revision.Decide(state, same, Now.AddHours(1)));

        var (changed, _) = ReferralProfileValidation.Validate(
            new ReviseReferralProfileRequest([GoodTopic() with { IdoMayNotDo = ["Bezwaar indienen namens de burger"] }]));
        Assert.Single(Revision.Decide(state, changed, Now.AddHours(1)));
    }

    [Fact]
    public void Stream_ids_are_stable_per_agency_and_distinct_between_agencies()
    {
        Assert.Equal(ReferralProfile.StreamId("uwv"), ReferralProfile.StreamId("uwv"));
        Assert.Equal(Contracts.Codes.Agencies.All.Count,
            Contracts.Codes.Agencies.All.Select(ReferralProfile.StreamId).Distinct().Count());
    }
}

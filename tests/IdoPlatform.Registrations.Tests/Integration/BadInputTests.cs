using System.Net;
using System.Text.Json.Nodes;
using static IdoPlatform.Registrations.Tests.Integration.Places;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>Every bad input is a 400 naming every bad field at once, with nothing stored and no event.</summary>
[Collection(RegistrationsCollection.Name)]
public sealed class BadInputTests(RegistrationsApp app)
{
    private async Task<IReadOnlyList<(string Name, string Code, string Reason)>> Refused(Guid org, string json)
    {
        var before = await app.Stored();

        var response = await app.Client(RegistrationsApp.Desk(org)).Send(HttpMethod.Post, "/registrations/v1/visits", json);
        var invalid = await response.InvalidParams();

        Assert.Equal(before, await app.Stored());
        // Only this test's organisation: earlier tests' visits may still be on their way through the relay.
        Assert.DoesNotContain(await app.Relayed.All(), m => m.Message["visit"]?["organisationId"]?.GetValue<Guid>() == org);
        return invalid;
    }

    private async Task<(Guid Org, string LocationId)> Place()
    {
        var org = Guid.NewGuid();
        return (org, (await app.AddLocation(org)).LocationId);
    }

    [Theory]
    [InlineData("questions[0].topic", "notAllowed", "topic", "horoscoop")]
    [InlineData("questions[0].domain", "notAllowed", "domain", "bibliotheek")]
    [InlineData("questions[0].organisation", "notAllowed", "organisation", "kvk")]
    [InlineData("questions[0].durationBand", "notAllowed", "durationBand", "5-10")]
    public async Task An_unknown_code_is_refused(string field, string code, string property, string value)
    {
        var (org, location) = await Place();
        var question = Question();
        question[property] = value;
        var invalid = await Refused(org, Visit(location, "in-person", question).ToJsonString());
        Assert.Equal([(field, code)], invalid.Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task An_unknown_channel_is_refused()
    {
        var (org, location) = await Place();
        var invalid = await Refused(org, Visit(location, "postduif").ToJsonString());
        Assert.Equal([("channel", "notAllowed")], invalid.Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task A_retired_code_is_refused_for_a_new_visit()
    {
        var (org, location) = await Place();
        var invalid = await Refused(org, Visit(location, "in-person", Referred("formulierenbrigade")).ToJsonString());
        var error = Assert.Single(invalid);
        Assert.Equal(("questions[0].referredTo", "retired"), (error.Name, error.Code));
        Assert.Contains("ingetrokken", error.Reason);
    }

    [Fact]
    public async Task A_future_moment_is_refused()
    {
        var (org, location) = await Place();
        var body = Visit(location);
        body["occurredAt"] = app.Clock.GetUtcNow().AddHours(2).ToString("O");
        Assert.Equal([("occurredAt", "outOfRange")], (await Refused(org, body.ToJsonString())).Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task More_than_31_days_back_is_refused()
    {
        var (org, location) = await Place();
        var body = Visit(location);
        body["occurredAt"] = app.Clock.GetUtcNow().AddDays(-32).ToString("O");
        Assert.Equal([("occurredAt", "outOfRange")], (await Refused(org, body.ToJsonString())).Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task A_moment_without_time_zone_is_refused()
    {
        var (org, location) = await Place();
        var body = Visit(location);
        body["occurredAt"] = "2026-11-20T10:00:00";
        Assert.Equal(["occurredAt"], (await Refused(org, body.ToJsonString())).Select(e => e.Name));
    }

    [Fact]
    public async Task A_closed_location_is_refused()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var closed = new IdoPlatform.Contracts.Offers.LocationClosed(location.LocationId, org,
            DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-1), DateTimeOffset.UtcNow);
        await app.Publish(closed);
        await Eventually.Get(async () => (await app.Replica.Find(location.LocationId))?.ClosedOn is not null ? "closed" : null,
            "the closure reached the replica");

        var invalid = await Refused(org, Visit(location.LocationId).ToJsonString());
        Assert.Equal([("locationId", "locationNotOpen")], invalid.Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task A_location_without_an_IDO_or_unknown_is_refused()
    {
        var org = Guid.NewGuid();
        var noIdo = await app.AddLocation(org, hasIdo: false);
        Assert.Equal([("locationId", "locationNotOpen")],
            (await Refused(org, Visit(noIdo.LocationId).ToJsonString())).Select(e => (e.Name, e.Code)));
        Assert.Equal([("locationId", "unknownLocation")],
            (await Refused(org, Visit("loc-bestaat-niet").ToJsonString())).Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task No_questions_or_more_than_ten_are_refused()
    {
        var (org, location) = await Place();
        var empty = Visit(location);
        empty["questions"] = new JsonArray();
        Assert.Equal([("questions", "required")], (await Refused(org, empty.ToJsonString())).Select(e => (e.Name, e.Code)));

        var eleven = Visit(location, "in-person", Enumerable.Range(0, 11).Select(_ => Question()).ToArray());
        Assert.Equal([("questions", "tooLong")], (await Refused(org, eleven.ToJsonString())).Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task A_note_over_280_characters_is_refused()
    {
        var (org, location) = await Place();
        var body = Visit(location);
        body["note"] = new string('a', 281);
        Assert.Equal([("note", "tooLong")], (await Refused(org, body.ToJsonString())).Select(e => (e.Name, e.Code)));
    }

    [Theory]
    [InlineData("bsn 123456782", "BSN")]
    [InlineData("mailt naar jan.jansen@example.nl", "e-mailadres")]
    [InlineData("terugbellen 06-12345678", "telefoonnummer")]
    [InlineData("rekening NL91 ABNA 0417 1643 00", "IBAN")]
    [InlineData("woont op 3511 AB 12", "postcode")]
    [InlineData("geboren 12-03-1956", "geboortedatum")]
    public async Task A_note_with_personal_data_is_refused_saying_why(string note, string why)
    {
        var (org, location) = await Place();
        var body = Visit(location);
        body["note"] = note;
        var error = Assert.Single(await Refused(org, body.ToJsonString()));
        Assert.Equal(("note", "personalData"), (error.Name, error.Code));
        Assert.Contains(why, error.Reason);
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_and_stores_nothing()
    {
        var (org, location) = await Place();
        var before = await app.Stored();
        var response = await app.Client(RegistrationsApp.Desk(org))
            .Send(HttpMethod.Post, "/registrations/v1/visits", $$"""{ "locationId": "{{location}}", "channel": """);
        await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("JSON", (await response.Json200(HttpStatusCode.BadRequest))["detail"]!.GetValue<string>());
        Assert.Equal(before, await app.Stored());
    }

    [Fact]
    public async Task Unknown_properties_such_as_a_name_or_birth_date_are_refused()
    {
        var (org, location) = await Place();
        var body = Visit(location);
        body["name"] = "Jan Jansen";
        body["birthDate"] = "1956-03-12";
        body["questions"]![0]!["bsn"] = "123456782";
        var invalid = await Refused(org, body.ToJsonString());
        Assert.Equal([("questions[0].bsn", "unknown"), ("name", "unknown"), ("birthDate", "unknown")],
            invalid.Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task Every_bad_field_is_named_at_once_structural_and_rule_errors_together()
    {
        var (org, location) = await Place();
        var body = new JsonObject
        {
            ["locationId"] = location,
            ["occurredAt"] = app.Clock.GetUtcNow().AddDays(3).ToString("O"),
            ["channel"] = "postduif",
            ["questions"] = new JsonArray(Question("horoscoop"), Referred("formulierenbrigade"),
                new JsonObject { ["topic"] = "digid", ["domain"] = "other", ["helpGiven"] = new JsonArray("referred") }),
            ["referralCode"] = "??",
            ["note"] = new string('x', 281) + " bel 0612345678",
            ["nickname"] = "Jan",
        };
        var invalid = await Refused(org, body.ToJsonString());
        Assert.Equal(
        [
            ("questions[2].durationBand", "required"), ("nickname", "unknown"),
            ("occurredAt", "outOfRange"), ("channel", "notAllowed"), ("questions[0].topic", "notAllowed"),
            ("questions[1].referredTo", "retired"), ("questions[2].referredTo", "required"),
            ("questions[2].referralMethod", "required"), ("referralCode", "invalid"),
            ("note", "tooLong"), ("note", "personalData"),
        ], invalid.Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        var (org, location) = await Place();
        var request = new HttpRequestMessage(HttpMethod.Post, "/registrations/v1/visits")
        {
            Content = new StringContent($"locationId={location}", System.Text.Encoding.UTF8, "text/plain"),
        };
        var response = await app.Client(RegistrationsApp.Desk(org)).SendAsync(request);
        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task A_nul_character_in_any_text_is_refused_naming_the_field()
    {
        var (org, location) = await Place();
        var body = Visit(location);
        body["locationId"] = location + "\0";
        body["note"] = "x\0y";
        var invalid = await Refused(org, body.ToJsonString());
        Assert.Equal([("locationId", "invalid"), ("note", "invalid")], invalid.Select(e => (e.Name, e.Code)).Order());
        Assert.All(invalid, e => Assert.Equal("Mag geen stuurtekens bevatten.", e.Reason));
    }

    [Fact]
    public async Task A_duplicated_property_beside_a_bad_value_is_a_400_naming_it()
    {
        var (org, location) = await Place();
        var before = await app.Stored();
        var response = await app.Client(RegistrationsApp.Desk(org)).Send(HttpMethod.Post, "/registrations/v1/visits",
            $$"""{"locationId":"{{location}}","channel":"in-person","channel":5,"questions":[]}""");
        Assert.Equal([("channel", "duplicate")], (await response.InvalidParams()).Select(e => (e.Name, e.Code)));
        Assert.Equal(before, await app.Stored());
    }

    [Fact]
    public async Task Json_in_another_charset_than_utf8_is_refused()
    {
        var (org, location) = await Place();
        var content = new StringContent(Visit(location).ToJsonString());
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=foo");
        var response = await app.Client(RegistrationsApp.Desk(org))
            .SendAsync(new HttpRequestMessage(HttpMethod.Post, "/registrations/v1/visits") { Content = content });
        await response.AssertProblem(HttpStatusCode.UnsupportedMediaType);
    }
}

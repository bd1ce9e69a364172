using System.Text;
using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Monitoring.Features.Rebuilds;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Unit;

/// <summary>The rebuild's fast reader of visit messages must read exactly what the store's serializer reads.</summary>
public class VisitMessageParserTests
{
    private static string Json(object message) => JsonSerializer.Serialize(message, message.GetType(), EventTypeRegistry.Json);

    private static void AssertSameAsSerializer(string alias, string json, Type type)
    {
        var fast = VisitMessageParser.TryParse(alias, Encoding.UTF8.GetBytes(json));
        Assert.NotNull(fast);
        var general = JsonSerializer.Deserialize(json, type, EventTypeRegistry.Json)!;
        Assert.Equal(Json(general), Json(fast));
    }

    [Fact]
    public void Reads_every_field_of_the_three_visit_messages()
    {
        var visit = Visit(Guid.NewGuid(), 3, "Fryslân", questions:
            [Question("digid", help: ["explained", "referred"]), Question("huur", organisation: null), Question("zorg", organisation: "cak")]);
        visit = visit with { ReferralCode = "K7QF-2M9D", Questions = [.. visit.Questions, new QuestionCodes("uwv-uitkering", "other", "uwv", "60+", [], "uwv", "warm-handover")] };
        AssertSameAsSerializer("registrations.visit-registered", Json(Registered(visit)), typeof(VisitRegistered));
        AssertSameAsSerializer("registrations.visit-corrected", Json(Corrected(visit)), typeof(VisitCorrected));
        AssertSameAsSerializer("registrations.visit-voided", Json(Voided(visit)), typeof(VisitVoided));
    }

    [Fact]
    public void Ignores_unknown_properties_and_any_property_order_as_the_serializer_does()
    {
        var json = """
            {"registeredAt":"2026-02-10T10:00:00+00:00","extra":{"a":[1,2]},"visit":{"questions":[{"helpGiven":["information"],
            "topic":"digid","domain":"digital-government","durationBand":"0-10","new":true}],"channel":"phone","visitId":"0190a1b2-0000-7000-8000-000000000001",
            "version":1,"locationId":"NL-000001-0001","organisationId":"0b7c6a3e-0000-4000-8000-000000000001","municipalityCode":"GM0344",
            "municipalityName":"Utrecht","province":"Utrecht","occurredAt":"2026-02-10T10:00:00+01:00","referralCode":null}}
            """;
        AssertSameAsSerializer("registrations.visit-registered", json, typeof(VisitRegistered));
    }

    [Theory]
    [InlineData("registrations.visit-registered", """{"VisitRegistered":1}""")]
    [InlineData("registrations.visit-registered", """{"visit":{"visitId":12},"registeredAt":"2026-02-10T10:00:00Z"}""")]
    [InlineData("referrals.referral-issued", """{}""")]
    public void Gives_up_on_anything_unexpected(string alias, string json)
    {
        Assert.Null(VisitMessageParser.TryParse(alias, Encoding.UTF8.GetBytes(json)));
    }
}

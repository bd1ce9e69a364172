using System.Text.Json.Nodes;
using IdoPlatform.Contracts.Offers;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>Test locations and visit bodies.</summary>
public static class Places
{
    public static LocationDetails Location(Guid organisationId, bool hasIdo = true, string? municipality = null) => new(
        LocationId: $"loc-{Guid.NewGuid():N}"[..20],
        OrganisationId: organisationId,
        OrganisationName: "Bibliotheek Testland",
        Name: "Vestiging Centrum",
        Kind: "branch",
        Address: new PostalAddress("Oudegracht", 1, null, null, "3511AA", "Utrecht"),
        MunicipalityCode: municipality ?? "GM0344",
        MunicipalityName: "Utrecht",
        Province: "Utrecht",
        Latitude: 52.09,
        Longitude: 5.12,
        OpeningHours: [new OpeningPeriod(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))],
        HasIdo: hasIdo,
        IdoOpenedOn: new DateOnly(2020, 1, 1),
        IdoInsideLibrary: true,
        Visible: true);

    public static JsonObject Question(string topic = "toeslagen", string helpGiven = "explained") => new()
    {
        ["topic"] = topic,
        ["domain"] = "digital-government",
        ["organisation"] = "toeslagen",
        ["durationBand"] = "10-20",
        ["helpGiven"] = new JsonArray(helpGiven),
    };

    public static JsonObject Referred(string to = "schuldhulpverlening") => new()
    {
        ["topic"] = "belastingen",
        ["domain"] = "digital-government",
        ["organisation"] = "belastingdienst",
        ["durationBand"] = "20-30",
        ["helpGiven"] = new JsonArray("explained", "referred"),
        ["referredTo"] = to,
        ["referralMethod"] = "warm-handover",
    };

    public static JsonObject Visit(string locationId, string channel = "in-person", params JsonObject[] questions) => new()
    {
        ["locationId"] = locationId,
        ["channel"] = channel,
        ["questions"] = new JsonArray(questions.Length == 0 ? [Question()] : questions.Cast<JsonNode>().ToArray()),
    };

    /// <summary>A correction body: the visit as it should be, with a reason.</summary>
    public static JsonObject Correction(JsonObject visit, string reason = "Verkeerd kanaal gekozen")
    {
        var body = visit.DeepClone().AsObject();
        body["reason"] = reason;
        return body;
    }
}

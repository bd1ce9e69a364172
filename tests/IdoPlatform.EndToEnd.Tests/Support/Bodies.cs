namespace IdoPlatform.EndToEnd.Tests.Support;

/// <summary>Request bodies as a client writes them (plain JSON shapes, not the services' own types: the
/// tests hold the services to their published contract).</summary>
public static class Bodies
{
    public static object Question(string topic, string durationBand = "10-20", string? organisation = null) => new
    {
        topic,
        domain = "digital-government",
        durationBand,
        helpGiven = new[] { "explained" },
        organisation,
    };

    public static object Visit(string locationId, IEnumerable<object> questions, string channel = "in-person", string? referralCode = null,
        string? note = null) =>
        new { locationId, channel, questions = questions.ToArray(), referralCode, note };

    public static object Visit(string locationId, string topic = "digid", string? referralCode = null) =>
        Visit(locationId, [Question(topic)], referralCode: referralCode);

    public static object Correction(string locationId, IEnumerable<object> questions, string reason, string channel = "in-person",
        string? referralCode = null) =>
        new { locationId, channel, questions = questions.ToArray(), reason, referralCode };

    public static object Voiding(string reason) => new { reason };

    public static object Referral(string agency, string topic, string locationId, string method = "named-place") =>
        new { agency, topic, locationId, method };

    /// <summary>An IDO point at a postcode's area centroid (no coordinates given), open every day.</summary>
    public static object Location(Guid organisationId, string name, string postcode, string city, string municipalityCode,
        string municipalityName, string province) => new
    {
        organisationId,
        name,
        kind = "servicepunt",
        address = new { street = "Proefstraat", houseNumber = 7, postcode, city },
        municipality = new { code = municipalityCode, name = municipalityName },
        province,
        openingHours = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .Select(day => new { day, opens = "09:00", closes = "17:00" }).ToArray(),
        ido = new { hasIdo = true, openedOn = "2026-01-01", insideLibrary = false },
        visible = true,
    };

    /// <summary>A weekly walk-in consultation hour on every weekday, valid from the start of this year.</summary>
    public static object Offer(Guid organisationId, string locationId, string title, string[]? themes = null) => new
    {
        organisationId,
        locationIds = new[] { locationId },
        offerType = "ido-inloopspreekuur",
        title,
        description = "Hulp bij DigiD, toeslagen en andere zaken van de overheid (end-to-end-test).",
        themes,
        schedule = new
        {
            recurrences = new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
                .Select(day => new { frequency = "weekly", day, startTime = "10:00", endTime = "12:00", startsOn = "2026-01-05" })
                .ToArray(),
        },
        validFrom = "2026-01-01",
    };

    public static object ReferralProfile(string phone = "0800 0000") => new
    {
        topics = new[]
        {
            new
            {
                topic = "uwv-uitkering",
                channel = "phone",
                contact = new { phone, website = (string?)null, address = (string?)null },
                hours = new[] { new { day = "monday", opens = "08:00", closes = "17:00" } },
                idoMayDo = new[] { "Helpen met inloggen op Mijn UWV" },
                idoMayNotDo = new[] { "Inhoudelijk advies over de uitkering" },
            },
        },
    };
}

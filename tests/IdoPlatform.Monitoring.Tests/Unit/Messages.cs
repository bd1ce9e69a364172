using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Contracts.Registrations;

namespace IdoPlatform.Monitoring.Tests.Unit;

/// <summary>Integration messages as the other services send them, with just what a test varies.</summary>
public static class Messages
{
    public static readonly Guid Organisation = Guid.Parse("0b7c6a3e-0000-4000-8000-000000000001");

    public static QuestionCodes Question(string topic = "digid", string domain = "digital-government",
        string? organisation = "logius", string band = "10-20", params string[] help) =>
        new(topic, domain, organisation, band, help.Length == 0 ? ["explained"] : help, null, null);

    public static VisitSnapshot Visit(Guid id, int version = 1, string province = "Utrecht",
        string municipality = "GM0344", string location = "NL-000001-0001", Guid? organisation = null,
        DateTimeOffset? at = null, string channel = "in-person", params QuestionCodes[] questions) =>
        new(id, version, location, organisation ?? Organisation, municipality, "Gemeente " + municipality, province,
            at ?? new DateTimeOffset(2026, 2, 10, 10, 0, 0, TimeSpan.Zero), channel,
            questions.Length == 0 ? [Question()] : questions, null);

    public static VisitRegistered Registered(VisitSnapshot visit) => new(visit, visit.OccurredAt);
    public static VisitCorrected Corrected(VisitSnapshot visit) => new(visit, visit.OccurredAt.AddHours(1));
    public static VisitVoided Voided(VisitSnapshot visit) => new(visit, visit.OccurredAt.AddHours(2));

    public static ReferralFacts Referral(Guid id, string agency = "uwv", string topic = "uwv-uitkering",
        string province = "Utrecht", string location = "NL-000001-0001") =>
        new(id, "K7QF-2M9D", agency, topic, location, "named-place", "GM0344", province);

    public static LocationDetails Location(string id = "NL-000001-0001", bool hasIdo = true, DateOnly? opened = null,
        bool inside = true, string province = "Utrecht", string municipality = "GM0344", Guid? organisation = null) =>
        new(id, organisation ?? Organisation, "Bibliotheek Test", "Vestiging " + id, "branch",
            new PostalAddress("Straat", 1, null, null, "3511AA", "Utrecht"), municipality, "Gemeente " + municipality,
            province, 52.09, 5.12, [], hasIdo, opened, inside, true);
}

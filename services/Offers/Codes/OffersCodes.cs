using IdoPlatform.Contracts.Codes;

namespace IdoPlatform.Offers.Codes;

/// <summary>The code lists of the offers domain. Codes are stable (they travel in events); labels are Dutch.</summary>
public static class OffersCodes
{
    public static readonly CodeList OrganisationKinds = new("organisationKinds",
    [
        ("bibliotheek", "Bibliotheekorganisatie"),
        ("partner", "Partnerorganisatie"),
    ]);

    public static readonly CodeList LocationKinds = new("locationKinds",
    [
        ("vestiging", "Bibliotheekvestiging"),
        ("servicepunt", "IDO-punt buiten de bibliotheek"),
        ("bushalte", "Halte van de bibliobus"),
    ]);

    public static readonly CodeList Formats = new("formats",
    [
        ("spreekuur", "Spreekuur"),
        ("cursus", "Cursus"),
        ("cafe", "Café"),
        ("informatiebijeenkomst", "Informatiebijeenkomst"),
        ("begeleiding", "Persoonlijke begeleiding"),
    ]);

    public static readonly CodeList TargetGroups = new("targetGroups",
    [
        ("iedereen", "Iedereen"),
        ("senioren", "Senioren"),
        ("laaggeletterden", "Laaggeletterden"),
        ("anderstaligen", "Anderstaligen"),
        ("nieuwkomers", "Nieuwkomers"),
        ("jongeren", "Jongeren"),
        ("werkzoekenden", "Werkzoekenden"),
        ("ondernemers", "Zzp'ers en kleine ondernemers"),
        ("mantelzorgers", "Mantelzorgers"),
        ("mensen-met-beperking", "Mensen met een beperking"),
    ]);

    public static readonly CodeList WhatToBring = new("whatToBring",
    [
        ("digid", "Uw DigiD (gebruikersnaam, wachtwoord en telefoon of app)"),
        ("machtigingscode", "Uw machtigingscode"),
        ("identiteitsbewijs", "Een geldig identiteitsbewijs"),
        ("brieven", "De brieven waar uw vraag over gaat"),
        ("bankgegevens", "Uw bankgegevens"),
        ("eigen-apparaat", "Uw eigen laptop, tablet of telefoon"),
        ("inloggegevens", "Inloggegevens van uw e-mail"),
    ]);

    public static readonly CodeList Facilities = new("facilities",
    [
        ("computers", "Computers"),
        ("printen", "Printen"),
        ("scannen", "Scannen"),
        ("wifi", "Wifi"),
        ("leenapparaten", "Laptops of tablets te leen"),
        ("spreekkamer", "Aparte spreekkamer"),
        ("rolstoeltoegankelijk", "Rolstoeltoegankelijk"),
    ]);

    public static readonly CodeList RecurrenceFrequencies = new("recurrenceFrequencies",
    [
        ("weekly", "Elke week"),
        ("biweekly", "Om de week"),
        ("monthly", "Elke maand"),
    ]);

    /// <summary>Themes are the shared question topics, so referrers and registrations speak of the same things.</summary>
    public static readonly CodeList Themes = new("themes", Topics.All.Select(t => (t, TopicLabel(t))).ToList());

    public static readonly CodeList Agencies = new("agencies", Contracts.Codes.Agencies.All.Select(a => (a, a)).ToList());

    public static readonly CodeList Provinces = new("provinces", Contracts.Codes.Provinces.All.Select(p => (p, p)).ToList());

    public static IReadOnlyList<CodeList> All { get; } =
        [OrganisationKinds, LocationKinds, Formats, Themes, TargetGroups, WhatToBring, Facilities, RecurrenceFrequencies, Agencies, Provinces];

    private static string TopicLabel(string topic) => topic switch
    {
        Topics.DigiD => "DigiD",
        Topics.MijnOverheid => "MijnOverheid",
        Topics.Belastingen => "Belastingen",
        Topics.Toeslagen => "Toeslagen",
        Topics.UwvUitkering => "UWV en uitkeringen",
        Topics.PensioenAow => "Pensioen en AOW",
        Topics.Zorg => "Zorg",
        Topics.Studiefinanciering => "Studiefinanciering",
        Topics.Boetes => "Boetes en betalingsregelingen",
        Topics.Rijbewijs => "Rijbewijs",
        Topics.Voertuig => "Voertuig",
        Topics.Identiteitsbewijs => "Paspoort en identiteitskaart",
        Topics.GemeentelijkeVoorzieningen => "Gemeentelijke voorzieningen",
        Topics.Huur => "Huur",
        Topics.Alimentatie => "Alimentatie",
        Topics.Rechtsbijstand => "Rechtsbijstand",
        Topics.Apparaatgebruik => "Computer, tablet en telefoon",
        Topics.OnlineVeiligheid => "Veilig online",
        _ => "Overig",
    };
}

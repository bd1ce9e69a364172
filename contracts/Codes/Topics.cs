namespace IdoPlatform.Contracts.Codes;

/// <summary>
/// Question topics (onderwerpen). Shared because offers' themes, referrals' topics and
/// registrations' questions must speak of the same things. Labels and validity live in seeds/.
/// </summary>
public static class Topics
{
    public const string DigiD = "digid";
    public const string MijnOverheid = "mijnoverheid";
    public const string Belastingen = "belastingen";
    public const string Toeslagen = "toeslagen";
    public const string UwvUitkering = "uwv-uitkering";
    public const string PensioenAow = "pensioen-aow";
    public const string Zorg = "zorg";
    public const string Studiefinanciering = "studiefinanciering";
    public const string Boetes = "boetes";
    public const string Rijbewijs = "rijbewijs";
    public const string Voertuig = "voertuig";
    public const string Identiteitsbewijs = "identiteitsbewijs";
    public const string GemeentelijkeVoorzieningen = "gemeentelijke-voorzieningen";
    public const string Huur = "huur";
    public const string Alimentatie = "alimentatie";
    public const string Rechtsbijstand = "rechtsbijstand";
    public const string Apparaatgebruik = "apparaatgebruik";
    public const string OnlineVeiligheid = "online-veiligheid";
    public const string Overig = "overig";

    public static readonly IReadOnlyList<string> All =
    [
        DigiD, MijnOverheid, Belastingen, Toeslagen, UwvUitkering, PensioenAow, Zorg, Studiefinanciering,
        Boetes, Rijbewijs, Voertuig, Identiteitsbewijs, GemeentelijkeVoorzieningen, Huur, Alimentatie,
        Rechtsbijstand, Apparaatgebruik, OnlineVeiligheid, Overig,
    ];
}

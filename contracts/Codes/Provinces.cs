namespace IdoPlatform.Contracts.Codes;

/// <summary>The twelve provinces, spelled as CBS spells them; used as the province value in every event.</summary>
public static class Provinces
{
    public static readonly IReadOnlyList<string> All =
    [
        "Groningen", "Fryslân", "Drenthe", "Overijssel", "Flevoland", "Gelderland",
        "Utrecht", "Noord-Holland", "Zuid-Holland", "Zeeland", "Noord-Brabant", "Limburg",
    ];

    public static bool IsKnown(string? province) => province is not null && All.Contains(province);
}

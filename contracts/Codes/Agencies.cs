namespace IdoPlatform.Contracts.Codes;

/// <summary>NPD agency codes as they appear in events; names and membership live in seeds/agencies.json.</summary>
public static class Agencies
{
    public static readonly IReadOnlyList<string> All =
    [
        "belastingdienst", "toeslagen", "uwv", "svb", "duo", "cak", "ciz", "cjib", "cbr", "rdw",
        "huurcommissie", "lbio", "rvr", "logius", "rvig",
    ];
}

namespace IdoPlatform.Offers.Features.OfferTypes;

public sealed record OfferDefaultsResponse(
    string Format,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> TargetGroups,
    bool WalkIn,
    IReadOnlyList<string> WhatToBring,
    IReadOnlyList<string> Facilities,
    IReadOnlyList<string> Agencies);

/// <summary>One version of an offer type (aanbodsoort); <c>latestVersion</c> tells whether a newer one exists.</summary>
public sealed record OfferTypeResponse(string Code, int Version, int LatestVersion, string Name, string Description, OfferDefaultsResponse Defaults)
{
    public static OfferTypeResponse From(string code, OfferTypeDefinition d, int latestVersion) =>
        new(code, d.Version, latestVersion, d.Name, d.Description,
            new OfferDefaultsResponse(d.Defaults.Format, d.Defaults.Themes, d.Defaults.TargetGroups, d.Defaults.WalkIn,
                d.Defaults.WhatToBring, d.Defaults.Facilities, d.Defaults.Agencies));
}

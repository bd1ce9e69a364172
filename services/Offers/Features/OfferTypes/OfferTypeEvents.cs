namespace IdoPlatform.Offers.Features.OfferTypes;

/// <summary>What a new offer of this type starts from; the offer may change any of it.</summary>
public sealed record OfferDefaults(
    string Format,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> TargetGroups,
    bool WalkIn,
    IReadOnlyList<string> WhatToBring,
    IReadOnlyList<string> Facilities,
    IReadOnlyList<string> Agencies);

public sealed record OfferTypeDefinition(int Version, string Name, string Description, OfferDefaults Defaults);

/// <summary>A G!DS aanbodsoort is introduced, as version 1.</summary>
public sealed record OfferTypeDefined(string Code, OfferTypeDefinition Definition);

/// <summary>A new version; offers made from an older version keep pointing at that one.</summary>
public sealed record OfferTypeRevised(string Code, OfferTypeDefinition Definition);

using System.Text.RegularExpressions;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;
using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.OfferTypes;

public sealed record OfferDefaultsRequest(
    string? Format = null,
    IReadOnlyList<string?>? Themes = null,
    IReadOnlyList<string?>? TargetGroups = null,
    bool? WalkIn = null,
    IReadOnlyList<string?>? WhatToBring = null,
    IReadOnlyList<string?>? Facilities = null,
    IReadOnlyList<string?>? Agencies = null);

/// <summary>What defining an offer type (with <c>code</c>) and revising it (a new version) both send.</summary>
public record OfferTypeRequest(string? Code = null, string? Name = null, string? Description = null, OfferDefaultsRequest? Defaults = null)
{
    public static readonly Regex CodeShape = new("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.Compiled);

    public (OfferTypeDefinition? Definition, Validator Errors) Validate(bool requireCode)
    {
        var errors = new Validator();
        if (requireCode && (Code is null || Code.Length > 60 || !CodeShape.IsMatch(Code)))
            errors.Invalid("code", "Kleine letters, cijfers en streepjes, hoogstens 60 tekens.");
        errors.RequireText("name", Name, 100);
        errors.OptionalText("description", Description, 2000);
        var d = Defaults;
        if (d is null) errors.Missing("defaults");
        else
        {
            errors.Code("defaults.format", d.Format, OffersCodes.Formats);
            errors.Codes("defaults.themes", d.Themes, OffersCodes.Themes);
            errors.Codes("defaults.targetGroups", d.TargetGroups, OffersCodes.TargetGroups);
            errors.Codes("defaults.whatToBring", d.WhatToBring, OffersCodes.WhatToBring);
            errors.Codes("defaults.facilities", d.Facilities, OffersCodes.Facilities);
            errors.Codes("defaults.agencies", d.Agencies, OffersCodes.Agencies);
        }
        if (errors.HasErrors) return (null, errors);

        var defaults = new OfferDefaults(d!.Format!, List(d.Themes), List(d.TargetGroups), d.WalkIn ?? true,
            List(d.WhatToBring), List(d.Facilities), List(d.Agencies));
        return (new OfferTypeDefinition(0, Name!.Trim(), Description?.Trim() ?? "", defaults), errors);
    }

    private static IReadOnlyList<string> List(IReadOnlyList<string?>? values) => values?.Select(v => v!).ToList() ?? [];
}

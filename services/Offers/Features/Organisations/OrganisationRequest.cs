using System.Text.RegularExpressions;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;
using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.Organisations;

/// <summary>What registering and changing an organisation both send. <c>number</c> only counts when registering;
/// left out, the next free one is taken.</summary>
public record OrganisationRequest(string? Name = null, string? Kind = null, bool? Visible = null, string? Number = null)
{
    public static readonly Regex NumberShape = new("^[0-9]{6}$", RegexOptions.Compiled);

    public (OrganisationFacts? Facts, Validator Errors) Validate()
    {
        var errors = new Validator();
        errors.RequireText("name", Name, 200);
        errors.Code("kind", Kind, OffersCodes.OrganisationKinds);
        if (Number is not null && !NumberShape.IsMatch(Number)) errors.Invalid("number", "Zes cijfers.");
        return !errors.HasErrors ? (new OrganisationFacts(Name!.Trim(), Kind!, Visible ?? true), errors) : (null, errors);
    }
}

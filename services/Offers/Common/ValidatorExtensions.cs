using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;

namespace IdoPlatform.Offers.Common;

/// <summary>The checks the offers requests repeat, on top of the shared <see cref="Validator"/>.</summary>
public static class ValidatorExtensions
{
    public static void Invalid(this Validator v, string field, string reason) => v.Add(field, InvalidParamCodes.Invalid, reason);

    public static void Missing(this Validator v, string field, string reason = "Verplicht veld.") =>
        v.Add(field, InvalidParamCodes.Required, reason);

    public static void Unknown(this Validator v, string field, string reason) => v.Add(field, InvalidParamCodes.Unknown, reason);

    /// <summary>A required time of day (<c>HH:mm</c>): left empty is missing, anything else unreadable is invalid.</summary>
    public static bool Time(this Validator v, string field, string? value, out TimeOnly time)
    {
        time = default;
        if (!v.Required(field, value)) return false;
        if (ClockText.TryParseTime(value, out time)) return true;
        v.Invalid(field, "Tijd als HH:mm.");
        return false;
    }

    /// <summary>Required, non-blank text of at most <paramref name="maxLength"/> characters.</summary>
    public static void RequireText(this Validator v, string field, string? value, int maxLength)
    {
        if (v.Required(field, value)) v.MaxLength(field, value, maxLength);
    }

    public static void OptionalText(this Validator v, string field, string? value, int maxLength) => v.MaxLength(field, value, maxLength);

    /// <summary>A required code from <paramref name="list"/>.</summary>
    public static bool Code(this Validator v, string field, string? value, CodeList list)
    {
        if (!v.Required(field, value)) return false;
        if (list.Contains(value)) return true;
        v.Add(field, InvalidParamCodes.Unknown, $"Onbekende code '{value}'; kies uit: {string.Join(", ", list.Codes)}.");
        return false;
    }

    /// <summary>Each entry must be a known code and appear once.</summary>
    public static void Codes(this Validator v, string field, IReadOnlyList<string?>? values, CodeList list)
    {
        if (values is null) return;
        for (var i = 0; i < values.Count; i++)
        {
            var name = $"{field}[{i}]";
            if (!list.Contains(values[i])) v.Add(name, InvalidParamCodes.Unknown, $"Onbekende code '{values[i]}'.");
            else if (values.Take(i).Contains(values[i])) v.Add(name, InvalidParamCodes.Duplicate, $"'{values[i]}' staat er al in.");
        }
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Desk;

/// <summary>A 400's <c>invalidParams</c> by form field, so each reason is shown next to the field it names. A list
/// item's error (<c>questions[0].helpGiven[1]</c>) belongs to its list's field; one without a field to the form.</summary>
public sealed partial class FieldErrors
{
    public static readonly FieldErrors None = new([]);

    private readonly IReadOnlyList<(string Field, string Reason)> _errors;

    private FieldErrors(IReadOnlyList<(string Field, string Reason)> errors) => _errors = errors;

    /// <summary>What a desk employee reads for a field left empty (the API's own reason speaks of JSON's null).</summary>
    public const string Required = "Verplicht: kies of vul dit in.";

    /// <summary>What a desk employee reads for a referral target without "Doorverwezen" (the API's reason names its codes).</summary>
    public const string OnlyWhenReferred = "Alleen invullen bij een doorverwijzing: vink 'Doorverwezen' aan bij 'Geholpen met'.";

    /// <param name="reword">Rewords an API reason for the page (e.g. the admin pages name fields by their Dutch labels).</param>
    public static FieldErrors From(ApiProblem? problem, Func<string, string>? reword = null) => new((problem?.InvalidParams ?? [])
        .Select(p => (TrailingIndex().Replace(p.Name, ""), p.Code switch
        {
            "required" => Required,
            "notApplicable" => OnlyWhenReferred, // only the visit's referral fields answer so
            _ => reword?.Invoke(p.Reason) ?? p.Reason,
        }))
        .Distinct().ToList());

    public static FieldErrors Of(string field, string reason) => new([(field, reason)]);

    public static FieldErrors Of(IReadOnlyList<(string Field, string Reason)> errors) => new(errors);

    public bool Any => _errors.Count > 0;

    public IEnumerable<(string Field, string Reason)> All => _errors;

    public IReadOnlyList<string> For(string field) => _errors.Where(e => e.Field == field).Select(e => e.Reason).ToList();

    public bool Has(string field) => _errors.Any(e => e.Field == field);

    /// <summary>The same errors in the order the form shows its fields (the API names them in the order it checks them),
    /// so the summary reads top to bottom like the form. A field takes the place of the first of <paramref name="fields"/>
    /// it is or lies under (<c>schedule.sessions</c> covers <c>schedule.sessions[1].date</c>); others keep their order, last.</summary>
    public FieldErrors InFormOrder(IReadOnlyList<string> fields) =>
        new(_errors.OrderBy(e => Place(e.Field, fields)).ToList());

    private static int Place(string field, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
            if (field == fields[i] || field.StartsWith(fields[i] + ".", StringComparison.Ordinal) || field.StartsWith(fields[i] + "[", StringComparison.Ordinal))
                return i;
        return fields.Count;
    }

    /// <summary>The HTML id of a field (<c>questions[0].topic</c> → <c>veld-questions-0-topic</c>). Underscores stay, so the
    /// question template's placeholder (<c>questions[__i__]</c>) reaches the id too and each added question gets its own.</summary>
    public static string Id(string field) => "veld-" + NotIdSafe().Replace(field, "-").Trim('-');

    public static string ErrorId(string field) => Id(field) + "-fout";

    /// <summary>The Dutch name of a field, for the list of errors above a form.</summary>
    public static string Label(string field)
    {
        var question = QuestionField().Match(field);
        if (question.Success)
            return $"Vraag {int.Parse(question.Groups[1].Value, CultureInfo.InvariantCulture) + 1}: {Label(question.Groups[2].Value)}";
        return field switch
        {
            "locationId" => "Locatie",
            "channel" => "Kanaal",
            "questions" => "Vragen",
            "topic" => "onderwerp",
            "domain" => "domein",
            "durationBand" => "duur",
            "helpGiven" => "geholpen met",
            "organisation" => "organisatie",
            "referredTo" => "doorverwezen naar",
            "referralMethod" => "manier van doorverwijzen",
            "referralCode" => "Verwijscode",
            "note" => "Notitie",
            "reason" => "Reden",
            "status" => "Status",
            "occurredAt" => "Tijdstip",
            "" => "Formulier",
            _ => field,
        };
    }

    [GeneratedRegex(@"\[[0-9]+\]$")]
    private static partial Regex TrailingIndex();

    [GeneratedRegex(@"[^A-Za-z0-9_]+")]
    private static partial Regex NotIdSafe();

    // ASCII digits ([0-9]; \d is any Unicode digit, which int.Parse refuses), at most 9 of them: the parse never throws.
    [GeneratedRegex(@"^questions\[([0-9]{1,9})\]\.(\w+)$")]
    private static partial Regex QuestionField();
}

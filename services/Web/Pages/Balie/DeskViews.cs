using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Pages.Balie;

// What the desk's partial views show.

public sealed record SelectOption(string Value, string Label, string? Group = null);

public sealed record SelectField(string Name, string Label, IReadOnlyList<SelectOption> Options, string? Selected,
    FieldErrors Errors, string? Placeholder = null)
{
    public static IReadOnlyList<SelectOption> From(IEnumerable<CodeDto> codes, string? group = null) =>
        codes.Select(c => new SelectOption(c.Code, c.Label, group)).ToList();
}

/// <summary>The fields of a visit (register and correction forms).</summary>
public sealed record VisitFormView(VisitForm Form, FieldErrors Errors, CodeBook Codes, IReadOnlyList<DeskLocation> Locations);

/// <summary>One question's fields. Index -1 is the template the page script copies for "Vraag toevoegen".</summary>
public sealed record QuestionView(int Index, QuestionForm Question, FieldErrors Errors, CodeBook Codes)
{
    public const string TemplateIndex = "__i__";
    public const string TemplateNumber = "__n__";

    public string Name(string field) => Index < 0 ? $"questions[{TemplateIndex}].{field}" : $"questions[{Index}].{field}";

    public string Id(string field) => FieldErrors.Id(Name(field));

    public string Number => Index < 0 ? TemplateNumber : (Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record RegisterView(VisitFormView Fields, string? Message = null);

public sealed record VisitRow(Guid Id, string When, string Location, string Topics, string Channel, bool Voided);

public sealed record VisitListsView(IReadOnlyList<VisitRow> Today, IReadOnlyList<VisitRow> EarlierThisWeek, bool Unavailable);

public sealed record ConfirmationView(Guid VisitId, string Clock, string Location, string Topics);

public sealed record VisitDetailView(
    VisitDto Visit,
    string LocationName,
    IReadOnlyList<DeskLocation> Places,
    CodeBook Codes,
    VisitHistoryDto? History,
    VisitFormView Correction,
    FieldErrors VoidErrors,
    string? Message = null,
    string? StaleNotice = null);

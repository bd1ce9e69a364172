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

/// <summary>The visit's date and time fields (Dutch local time), with what they mean on this form.</summary>
public sealed record MomentView(VisitFormView Fields, string Hint);

/// <summary>One question's fields. Index -1 is the template the page script copies for "Vraag toevoegen".</summary>
public sealed record QuestionView(int Index, QuestionForm Question, FieldErrors Errors, CodeBook Codes)
{
    public const string TemplateIndex = "__i__";
    public const string TemplateNumber = "__n__";

    public string Name(string field) => Index < 0 ? $"questions[{TemplateIndex}].{field}" : $"questions[{Index}].{field}";

    public string Id(string field) => FieldErrors.Id(Name(field));

    public string Number => Index < 0 ? TemplateNumber : (Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="IdempotencyKey">Sent with a plain form post (the page script sends a key of its own per visit): the
/// same form sent twice is one visit.</param>
public sealed record RegisterView(VisitFormView Fields, string IdempotencyKey, string? Message = null);

/// <summary>The desk page: the register form (null when the code lists cannot be fetched), this week's visits, and
/// after a plain form post the confirmation of the visit just saved or a notice.</summary>
public sealed record DeskPageView(RegisterView? Form, VisitListsView Lists, ConfirmationView? Confirmation = null, string? Notice = null);

public sealed record VisitRow(Guid Id, string When, string Location, string Topics, string Channel, bool Voided);

public sealed record VisitListsView(IReadOnlyList<VisitRow> Today, IReadOnlyList<VisitRow> EarlierThisWeek, bool Unavailable);

public sealed record ConfirmationView(Guid VisitId, string Clock, string Location, string Topics, bool FocusOnLoad = false)
{
    public static ConfirmationView Of(VisitDto visit, IReadOnlyList<DeskLocation> places, CodeBook? book) =>
        new(visit.Id, DutchTime.Clock(visit.OccurredAt), DeskLocations.NameOf(places, visit.LocationId),
            book is null ? string.Join(", ", visit.Questions.Select(q => q.Topic)) : DeskOverview.Topics(book, visit));
}

public sealed record VisitDetailView(
    VisitDto Visit,
    string LocationName,
    IReadOnlyList<DeskLocation> Places,
    CodeBook Codes,
    VisitHistoryDto? History,
    VisitFormView Correction,
    FieldErrors VoidErrors,
    string? Message = null,
    string? StaleNotice = null,
    bool CorrectionOpen = false);

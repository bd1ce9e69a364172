using System.Globalization;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Web.Pages.Balie;

/// <summary>One visit: its data and history, correcting it (If-Match with the version the form was made from; a 412
/// shows the newer version) and voiding it. Another organisation's visit is not found, as the API says.</summary>
public sealed class BezoekModel(PlatformApi api, DeskCodes codes, DeskLocations locations) : DeskPage
{
    public const string UndoReason = "Ongedaan gemaakt direct na het registreren.";
    public const string Undone = "Registratie ongedaan gemaakt.";

    public VisitDetailView? Detail { get; private set; }
    public string? Problem { get; private set; }

    /// <param name="melding">After a plain form post's redirect: what was done, from a fixed list (no text is taken
    /// from the address).</param>
    public async Task<IActionResult> OnGetAsync(Guid id, string? melding)
    {
        var (detail, status, problem) = await LoadAsync(id, null);
        Detail = detail is null ? null : detail with { Message = Notice(melding) };
        Problem = problem;
        return WithStatus(status);
    }

    public static string? Notice(string? code) => code switch
    {
        "gecorrigeerd" => Corrected,
        "vervallen" => Voided,
        _ => null,
    };

    private const string Corrected = "Correctie opgeslagen.";
    private const string Voided = "Het bezoek is vervallen.";

    public async Task<IActionResult> OnPostCorrectieAsync(Guid id, long version)
    {
        var (form, unreadable) = VisitForm.Read(Request.Form);
        // Without the page script a question button comes here; the form comes back with the edit, unless the visit changed
        // meanwhile (the hidden version is the one shown, so the edit would no longer be checked against the one read).
        if (!FromScript && form.WithQuestionEdit(Request.Form[VisitForm.QuestionEdit]) is { } edited)
            return await DetailAsync(id, d => d.Visit.Version == version
                ? d with { Correction = d.Correction with { Form = edited }, CorrectionOpen = true }
                : ChangedMeanwhile(d, form));
        if (unreadable.Any) // refused before it is sent, as the API refuses what it cannot read: nothing left out or taken half
            return await DetailAsync(id, d => d with { Correction = d.Correction with { Form = form, Errors = unreadable } }, Shown(400));
        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Put, $"registrations/v1/visits/{id}",
            form.ToCorrection(), IfMatch(version), HttpContext.RequestAborted);
        return answer.Status switch
        {
            200 when !FromScript => SeeOther($"/balie/bezoeken/{id}?melding=gecorrigeerd"),
            200 => await DetailAsync(id, d => d with { Message = Corrected }),
            412 => await DetailAsync(id, d => ChangedMeanwhile(d, form), Shown(412)),
            400 => await DetailAsync(id, d => d with { Correction = d.Correction with { Form = form, Errors = FieldErrors.From(answer.Problem) } },
                Shown(400)),
            _ => await DetailAsync(id, d => d with { StaleNotice = Explain(answer) }, answer.Status),
        };
    }

    public async Task<IActionResult> OnPostVervallenAsync(Guid id, long version, string? reason)
    {
        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Post, $"registrations/v1/visits/{id}/voiding",
            new { reason }, IfMatch(version), HttpContext.RequestAborted);
        return answer.Status switch
        {
            200 when !FromScript => SeeOther($"/balie/bezoeken/{id}?melding=vervallen"),
            200 => await DetailAsync(id, d => d with { Message = Voided }),
            412 => await DetailAsync(id, d => d with { StaleNotice = $"Het bezoek is intussen gewijzigd (nu versie {d.Visit.Version}); bekijk het en probeer het opnieuw." }, Shown(412)),
            400 => await DetailAsync(id, d => d with { VoidErrors = FieldErrors.From(answer.Problem) }, Shown(400)),
            _ => await DetailAsync(id, d => d with { StaleNotice = Explain(answer) }, answer.Status),
        };
    }

    /// <summary>The visit's newer version with the correction form made from it (the reason typed kept).</summary>
    private static VisitDetailView ChangedMeanwhile(VisitDetailView d, VisitForm sent) => d with
    {
        StaleNotice = $"Het bezoek is intussen gewijzigd (nu versie {d.Visit.Version}). Hieronder staat de nieuwe versie; " +
                      "corrigeer opnieuw als dat nog nodig is.",
        Correction = d.Correction with { Form = d.Correction.Form with { Reason = sent.Reason } },
    };

    /// <summary>The confirmation's "Ongedaan maken": the visit just registered is voided (its history keeps it).</summary>
    public async Task<IActionResult> OnPostOngedaanAsync(Guid id)
    {
        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Post, $"registrations/v1/visits/{id}/voiding",
            new { reason = UndoReason }, null, HttpContext.RequestAborted);
        var text = answer.IsSuccess ? Undone : $"Ongedaan maken lukte niet: {Explain(answer)}";
        if (FromScript)
            return Fragment("_Undone", text, answer.IsSuccess ? 200 : answer.Status);
        return answer.IsSuccess
            ? SeeOther("/balie?melding=ongedaan")
            : await DetailAsync(id, d => d with { StaleNotice = text }, answer.Status); // the visit, to void it there
    }

    /// <summary>A refused form's status: htmx's fragment answers 200, as it always did; a whole page says what happened
    /// (400, 412), as /beheer's do.</summary>
    private int Shown(int status) => FromScript ? StatusCodes.Status200OK : status;

    /// <summary>The visit as it is now, adjusted by the handler: a fragment for htmx, the whole page for a plain form post.</summary>
    private async Task<IActionResult> DetailAsync(Guid id, Func<VisitDetailView, VisitDetailView> adjust, int status = 200)
    {
        var (detail, loadStatus, problem) = await LoadAsync(id, null);
        if (FromScript)
            return detail is null
                ? Fragment("_DetailUnavailable", problem ?? "Het bezoek kan nu niet worden getoond.", loadStatus)
                : Fragment("_VisitDetail", adjust(detail), status);
        Detail = detail is null ? null : adjust(detail);
        Problem = problem;
        return WithStatus(detail is null ? loadStatus : status);
    }

    private async Task<(VisitDetailView? Detail, int Status, string? Problem)> LoadAsync(Guid id, string? message)
    {
        var ct = HttpContext.RequestAborted;
        var visitAnswer = await api.GetAsync(PlatformApi.Registrations, $"registrations/v1/visits/{id}", ct);
        if (visitAnswer.Status == 404)
            return (null, 404, null);
        var book = await codes.GetAsync(ct);
        if (!visitAnswer.IsSuccess || book is null)
            return (null, visitAnswer.IsSuccess ? 503 : visitAnswer.Status, Explain(visitAnswer));
        var visit = visitAnswer.Read<VisitDto>();
        var history = await api.GetAsync(PlatformApi.Registrations, $"registrations/v1/visits/{id}/history", ct);
        var places = await locations.OfAsync(Account.OrganisationId!.Value, ct);
        return (new VisitDetailView(visit, DeskLocations.NameOf(places, visit.LocationId), places, book,
            history.IsSuccess ? history.Read<VisitHistoryDto>() : null,
            new VisitFormView(VisitForm.From(visit), FieldErrors.None, book, places), FieldErrors.None, message), 200, null);
    }

    private static Dictionary<string, string> IfMatch(long version) =>
        new() { ["If-Match"] = $"\"{version.ToString(CultureInfo.InvariantCulture)}\"" };

    private static string Explain(ApiAnswer answer) => answer.IsUnavailable
        ? "Het platform antwoordt nu niet; probeer het zo opnieuw."
        : answer.Problem?.Detail ?? answer.Problem?.Title ?? $"Mislukt (status {answer.Status}).";
}

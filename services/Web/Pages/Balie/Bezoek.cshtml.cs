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

    public VisitDetailView? Detail { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        var (detail, status, problem) = await LoadAsync(id, null);
        Detail = detail;
        Problem = problem;
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    public async Task<IActionResult> OnPostCorrectieAsync(Guid id, long version)
    {
        var form = VisitForm.From(Request.Form);
        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Put, $"registrations/v1/visits/{id}",
            form.ToCorrection(), IfMatch(version), HttpContext.RequestAborted);
        return answer.Status switch
        {
            200 => await DetailAsync(id, d => d with { Message = "Correctie opgeslagen." }),
            412 => await DetailAsync(id, d => d with
            {
                StaleNotice = $"Het bezoek is intussen gewijzigd (nu versie {d.Visit.Version}). Hieronder staat de nieuwe versie; " +
                              "corrigeer opnieuw als dat nog nodig is.",
                Correction = d.Correction with { Form = d.Correction.Form with { Reason = form.Reason } },
            }),
            400 => await DetailAsync(id, d => d with { Correction = d.Correction with { Form = form, Errors = FieldErrors.From(answer.Problem) } }),
            _ => await DetailAsync(id, d => d with { StaleNotice = Explain(answer) }, answer.Status),
        };
    }

    public async Task<IActionResult> OnPostVervallenAsync(Guid id, long version, string? reason)
    {
        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Post, $"registrations/v1/visits/{id}/voiding",
            new { reason }, IfMatch(version), HttpContext.RequestAborted);
        return answer.Status switch
        {
            200 => await DetailAsync(id, d => d with { Message = "Het bezoek is vervallen." }),
            412 => await DetailAsync(id, d => d with { StaleNotice = $"Het bezoek is intussen gewijzigd (nu versie {d.Visit.Version}); bekijk het en probeer het opnieuw." }),
            400 => await DetailAsync(id, d => d with { VoidErrors = FieldErrors.From(answer.Problem) }),
            _ => await DetailAsync(id, d => d with { StaleNotice = Explain(answer) }, answer.Status),
        };
    }

    /// <summary>The confirmation's "Ongedaan maken": the visit just registered is voided (its history keeps it).</summary>
    public async Task<IActionResult> OnPostOngedaanAsync(Guid id)
    {
        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Post, $"registrations/v1/visits/{id}/voiding",
            new { reason = UndoReason }, null, HttpContext.RequestAborted);
        var text = answer.IsSuccess ? "Registratie ongedaan gemaakt." : $"Ongedaan maken lukte niet: {Explain(answer)}";
        return Fragment("_Undone", text, answer.IsSuccess ? 200 : answer.Status);
    }

    private async Task<IActionResult> DetailAsync(Guid id, Func<VisitDetailView, VisitDetailView> adjust, int status = 200)
    {
        var (detail, loadStatus, problem) = await LoadAsync(id, null);
        if (detail is null)
            return Fragment("_DetailUnavailable", problem ?? "Het bezoek kan nu niet worden getoond.", loadStatus);
        return Fragment("_VisitDetail", adjust(detail), status);
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

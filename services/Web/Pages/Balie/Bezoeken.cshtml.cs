using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Web.Pages.Balie;

/// <summary>GET: this week's visits (a fragment the page reloads after a change). POST: register a visit, sent by the
/// page's send queue with its Idempotency-Key, so a retry never makes a second visit; or by the form itself when the
/// page script does not run, with the key the page put in the form: then a whole page answers (Post/Redirect/Get).</summary>
public sealed class BezoekenModel(PlatformApi api, DeskCodes codes, DeskLocations locations, DeskOverview overview, TimeProvider clock)
    : DeskPage
{
    /// <summary>On an answer the queue may forget the visit: saved, or refused for good (the fragment says why).
    /// Without it (service down, session ended, a refused antiforgery token) the visit stays queued.</summary>
    public const string SettledHeader = "X-Ido-Afgehandeld";

    /// <summary>The desk page with a refused plain form post's errors (Bezoeken.cshtml).</summary>
    public DeskPageView View { get; private set; } = new(null, new([], [], true));

    public async Task<IActionResult> OnGetAsync() => FromScript
        ? Fragment("_VisitLists", await overview.ListsAsync(Account, HttpContext.RequestAborted))
        : SeeOther("/balie#bezoeken"); // the address typed or bookmarked: the whole desk page

    public async Task<IActionResult> OnPostAsync(string? idempotencyKey)
    {
        var ct = HttpContext.RequestAborted;
        var form = VisitForm.From(Request.Form);
        // The queue's key per visit wins: the form's copy of the page's key is the same for every visit the script sends.
        var key = FromScript ? Request.Headers["Idempotency-Key"].ToString() : Guid.TryParse(idempotencyKey, out var k) ? k.ToString() : "";
        if (!FromScript && form.WithQuestionEdit(Request.Form[VisitForm.QuestionEdit]) is { } edited)
            return await PageAsync(edited, FieldErrors.None, key, null, StatusCodes.Status200OK);

        var headers = key.Length is > 0 and <= 200 ? new Dictionary<string, string> { ["Idempotency-Key"] = key } : null;
        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Post, "registrations/v1/visits",
            form.ToRegistration(clock.GetUtcNow()), headers, ct);

        if (answer.IsUnavailable || answer.Status == StatusCodes.Status401Unauthorized)
        {
            if (!FromScript) // nothing is kept in the browser without the script: say so, with the form as it was
                return await PageAsync(form, FieldErrors.None, key, answer.Status == StatusCodes.Status401Unauthorized
                    ? "Uw sessie is verlopen; het bezoek is niet opgeslagen. Meld u opnieuw aan en registreer het opnieuw."
                    : "Het platform antwoordt nu niet; het bezoek is niet opgeslagen. Probeer het zo opnieuw.", answer.Status);
            return Text(answer.Status == StatusCodes.Status401Unauthorized
                ? "Uw sessie is verlopen. Meld u opnieuw aan; de bewaarde bezoeken worden daarna verstuurd."
                : "Het platform antwoordt nu niet. Het bezoek is in deze browser bewaard en wordt vanzelf verstuurd.", answer.Status);
        }

        if (FromScript)
            Response.Headers[SettledHeader] = "ja";
        var places = await locations.OfAsync(Account.OrganisationId!.Value, ct);
        if (answer.IsSuccess)
        {
            var visit = answer.Read<VisitDto>();
            Response.Cookies.Append(RememberedLocationCookie, visit.LocationId, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
                Secure = Request.IsHttps,
            });
            if (!FromScript)
                return SeeOther($"/balie?geregistreerd={visit.Id}");
            return Fragment("_Confirmation", ConfirmationView.Of(visit, places, await codes.GetAsync(ct)), StatusCodes.Status201Created);
        }

        var errors = answer.Problem?.InvalidParams is { Count: > 0 }
            ? FieldErrors.From(answer.Problem)
            : FieldErrors.Of("", answer.Problem?.Detail ?? answer.Problem?.Title ?? $"Niet opgeslagen (status {answer.Status}).");
        if (!FromScript)
            return await PageAsync(form, errors, key, null, answer.Status);
        var codeBook = await codes.GetAsync(ct);
        if (codeBook is null)
            return Text(string.Join(" ", errors.All.Select(e => e.Reason)), answer.Status);
        return Fragment("_RegisterForm", new RegisterView(new VisitFormView(form, errors, codeBook, places), Guid.NewGuid().ToString()), answer.Status);
    }

    /// <summary>The whole desk page with the form as sent (its key kept: nothing was saved with it, and sending the same
    /// form again must still be one visit).</summary>
    private async Task<IActionResult> PageAsync(VisitForm form, FieldErrors errors, string key, string? message, int status)
    {
        var ct = HttpContext.RequestAborted;
        var book = await codes.GetAsync(ct);
        var places = await locations.OfAsync(Account.OrganisationId!.Value, ct);
        View = new DeskPageView(
            book is null ? null : new RegisterView(new VisitFormView(form, errors, book, places), key.Length > 0 ? key : Guid.NewGuid().ToString(), message),
            await overview.ListsAsync(Account, ct), Notice: book is null ? message : null);
        return WithStatus(status);
    }

    private static ContentResult Text(string text, int status) =>
        new() { Content = text, ContentType = "text/plain; charset=utf-8", StatusCode = status };
}

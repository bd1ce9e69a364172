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

    /// <summary>A visit without a GUID for its Idempotency-Key (never from the page or its script) is not registered:
    /// without it a second send would be a second visit.</summary>
    public const string KeyRefused =
        "Het bezoek is niet opgeslagen: de sleutel die dubbel opslaan voorkomt ontbrak of was ongeldig. Sla opnieuw op.";

    /// <summary>The desk page with a refused plain form post's errors (Bezoeken.cshtml).</summary>
    public DeskPageView View { get; private set; } = new(null, new([], [], true));

    public async Task<IActionResult> OnGetAsync() => FromScript
        ? Fragment("_VisitLists", await overview.ListsAsync(Account, HttpContext.RequestAborted))
        : SeeOther("/balie#bezoeken"); // the address typed or bookmarked: the whole desk page

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var (form, unreadable) = VisitForm.Read(Request.Form);
        // The queue's key per visit wins: the form's copy of the page's key is the same for every visit the script sends.
        // Both are GUIDs (the page and its script make no other); a doubled one reads "a,b" and is no GUID either.
        var sentKey = FromScript ? Request.Headers["Idempotency-Key"].ToString() : Request.Form["idempotencyKey"].ToString();
        var key = Guid.TryParse(sentKey, out var k) ? k.ToString() : "";
        if (!FromScript && form.WithQuestionEdit(Request.Form[VisitForm.QuestionEdit]) is { } edited)
            return await PageAsync(edited, FieldErrors.None, key, null, StatusCodes.Status200OK);

        // Refused before it is sent: never registered without a key (a second send would be a second visit), nor with
        // input left out or taken half.
        if (key.Length == 0)
            unreadable = FieldErrors.Of([.. unreadable.All, ("", KeyRefused)]);
        if (unreadable.Any)
            return await RefusedAsync(form, unreadable, key, StatusCodes.Status400BadRequest);

        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Post, "registrations/v1/visits",
            form.ToRegistration(clock.GetUtcNow()), new Dictionary<string, string> { ["Idempotency-Key"] = key }, ct);

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

        if (!answer.IsSuccess)
            return await RefusedAsync(form, answer.Problem?.InvalidParams is { Count: > 0 }
                ? FieldErrors.From(answer.Problem)
                : FieldErrors.Of("", answer.Problem?.Detail ?? answer.Problem?.Title ?? $"Niet opgeslagen (status {answer.Status})."), key, answer.Status);

        var visit = answer.Read<VisitDto>();
        Response.Cookies.Append(RememberedLocationCookie, visit.LocationId, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, IsEssential = true, MaxAge = TimeSpan.FromDays(365),
            Secure = Request.IsHttps,
        });
        if (!FromScript)
            return SeeOther($"/balie?geregistreerd={visit.Id}");
        Response.Headers[SettledHeader] = "ja";
        var places = await locations.OfAsync(Account.OrganisationId!.Value, ct);
        return Fragment("_Confirmation", ConfirmationView.Of(visit, places, await codes.GetAsync(ct)), StatusCodes.Status201Created);
    }

    /// <summary>A refused visit: the whole page again for a plain form post; for the script the form fragment with each
    /// reason at its field, settled (sending the same again would be refused again).</summary>
    private async Task<IActionResult> RefusedAsync(VisitForm form, FieldErrors errors, string key, int status)
    {
        if (!FromScript)
            return await PageAsync(form, errors, key, null, status);
        var ct = HttpContext.RequestAborted;
        Response.Headers[SettledHeader] = "ja";
        var codeBook = await codes.GetAsync(ct);
        if (codeBook is null)
            return Text(string.Join(" ", errors.All.Select(e => e.Reason)), status);
        var places = await locations.OfAsync(Account.OrganisationId!.Value, ct);
        return Fragment("_RegisterForm", new RegisterView(new VisitFormView(form, errors, codeBook, places), Guid.NewGuid().ToString()), status);
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

using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Web.Pages.Balie;

/// <summary>GET: this week's visits (a fragment the page reloads after a change). POST: register a visit, sent by the
/// page's send queue with its Idempotency-Key, so a retry never makes a second visit.</summary>
public sealed class BezoekenModel(PlatformApi api, DeskCodes codes, DeskLocations locations, DeskOverview overview, TimeProvider clock)
    : DeskPage
{
    /// <summary>On an answer the queue may forget the visit: saved, or refused for good (the fragment says why).
    /// Without it (service down, session ended, a refused antiforgery token) the visit stays queued.</summary>
    public const string SettledHeader = "X-Ido-Afgehandeld";

    public async Task<IActionResult> OnGetAsync() =>
        Fragment("_VisitLists", await overview.ListsAsync(Account, HttpContext.RequestAborted));

    public async Task<IActionResult> OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        var form = VisitForm.From(Request.Form);
        var key = Request.Headers["Idempotency-Key"].ToString();
        var headers = key.Length is > 0 and <= 200 ? new Dictionary<string, string> { ["Idempotency-Key"] = key } : null;
        var answer = await api.SendAsync(PlatformApi.Registrations, HttpMethod.Post, "registrations/v1/visits",
            form.ToRegistration(clock.GetUtcNow()), headers, ct);

        if (answer.IsUnavailable || answer.Status == StatusCodes.Status401Unauthorized)
            return Text(answer.Status == StatusCodes.Status401Unauthorized
                ? "Uw sessie is verlopen. Meld u opnieuw aan; de bewaarde bezoeken worden daarna verstuurd."
                : "Het platform antwoordt nu niet. Het bezoek is in deze browser bewaard en wordt vanzelf verstuurd.", answer.Status);

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
            var book = await codes.GetAsync(ct);
            return Fragment("_Confirmation", new ConfirmationView(visit.Id, DutchTime.Clock(visit.OccurredAt),
                DeskLocations.NameOf(places, visit.LocationId),
                book is null ? string.Join(", ", visit.Questions.Select(q => q.Topic)) : DeskOverview.Topics(book, visit)), StatusCodes.Status201Created);
        }

        var errors = answer.Problem?.InvalidParams is { Count: > 0 }
            ? FieldErrors.From(answer.Problem)
            : FieldErrors.Of("", answer.Problem?.Detail ?? answer.Problem?.Title ?? $"Niet opgeslagen (status {answer.Status}).");
        var codeBook = await codes.GetAsync(ct);
        if (codeBook is null)
            return Text(string.Join(" ", errors.All.Select(e => e.Reason)), answer.Status);
        return Fragment("_RegisterForm", new RegisterView(new VisitFormView(form, errors, codeBook, places)), answer.Status);
    }

    private static ContentResult Text(string text, int status) =>
        new() { Content = text, ContentType = "text/plain; charset=utf-8", StatusCode = status };
}

using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Web.Pages.Balie;

/// <summary>The desk page: the register form, the send queue's count, this week's visits. Also the referral-code
/// check the form asks while the employee types.</summary>
public sealed class IndexModel(DeskCodes codes, DeskLocations locations, DeskOverview overview, PlatformApi api, TimeProvider clock) : DeskPage
{
    public DeskPageView View { get; private set; } = new(null, new([], [], true));

    /// <param name="geregistreerd">The visit a plain form post just saved (its confirmation is shown).</param>
    /// <param name="melding">A notice after a plain form post, from a fixed list (no text is taken from the address).</param>
    public async Task OnGetAsync(Guid? geregistreerd, string? melding)
    {
        var ct = HttpContext.RequestAborted;
        var lists = await overview.ListsAsync(Account, ct);
        var book = await codes.GetAsync(ct);
        var places = await locations.OfAsync(Account.OrganisationId!.Value, ct);
        var form = book is null ? null : new RegisterView(new VisitFormView(
            VisitForm.Empty(Preselected(places, Request.Cookies[RememberedLocationCookie])), FieldErrors.None, book, places),
            Guid.NewGuid().ToString());
        View = new DeskPageView(form, lists, geregistreerd is { } id ? await ConfirmationAsync(id, places, book, ct) : null,
            melding == "ongedaan" ? BezoekModel.Undone : null);
    }

    private async Task<ConfirmationView?> ConfirmationAsync(Guid id, IReadOnlyList<DeskLocation> places, CodeBook? book, CancellationToken ct)
    {
        var answer = await api.GetAsync(PlatformApi.Registrations, $"registrations/v1/visits/{id}", ct);
        return answer.IsSuccess && answer.Read<VisitDto>() is { IsVoided: false } visit ? ConfirmationView.Of(visit, places, book) with { FocusOnLoad = true } : null;
    }

    /// <summary>The organisation's only IDO location, else the one this browser used last.</summary>
    public static string? Preselected(IReadOnlyList<DeskLocation> places, string? remembered) =>
        places.Count == 1 ? places[0].LocationId : places.FirstOrDefault(p => p.LocationId == remembered)?.LocationId;

    public const string UnknownCode = "Niet bekend bij uw bibliotheek: controleer de code. Komt hij van een andere bibliotheek, dan kunt u gewoon opslaan.";

    /// <summary>GET /balie?handler=verwijscode&amp;referralCode=…: valid, unknown or already used, as the employee types.</summary>
    public async Task<IActionResult> OnGetVerwijscodeAsync(string? referralCode)
    {
        var code = referralCode?.Trim().ToUpperInvariant().Replace("-", "").Replace(" ", "");
        if (string.IsNullOrEmpty(code))
            return Content("");
        if (code.Length < 8)
            return Content("");
        var answer = await api.GetAsync(PlatformApi.Referrals, $"referrals/v1/referrals/{Uri.EscapeDataString(code)}", HttpContext.RequestAborted);
        var text = answer switch
        {
            { IsSuccess: true } => Verdict(answer.Read<ReferralDetailDto>().Referral, clock.GetUtcNow()),
            { Status: 400 } => "Geen verwijscode: 8 tekens, zoals K7QF-2M9D.",
            // A desk sees only codes for its own organisation; one given out for another library's IDO still counts when saved.
            { Status: 404 } => UnknownCode,
            _ => "De verwijscode kan nu niet worden gecontroleerd; u kunt wel opslaan.",
        };
        return Content(text);
    }

    /// <summary>What the desk reads about a code it can see. Past its expiry moment a code is expired, also in the minute
    /// before the referrals service's sweep records it.</summary>
    public static string Verdict(ReferralDto referral, DateTimeOffset now) => referral.Status switch
    {
        "issued" when now >= referral.ExpiresAt => "Deze verwijscode is verlopen.",
        "issued" => "Geldige verwijscode.",
        "arrived" => "Deze verwijscode is al gebruikt.",
        "expired" => "Deze verwijscode is verlopen.",
        "cancelled" => "Deze verwijscode is ingetrokken.",
        var other => $"Verwijscode met status {other}.",
    };
}

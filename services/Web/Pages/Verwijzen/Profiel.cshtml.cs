using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Finder;
using IdoPlatform.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Pages.Verwijzen;

/// <summary>The agency's referral profile (how IDOs refer citizens on to it, per topic): view, edit with If-Match (the
/// version the form was made from; a 412 shows the newer version and says it changed meanwhile) and its history.</summary>
public sealed class ProfielModel(AgencyReferrals referrals, DeskCodes codes, IOptions<MapSettings> map) : AgencyPage
{
    public override MapSettings Map => map.Value;
    public ReferralProfileDto? Profile { get; private set; }
    public IReadOnlyList<ProfileRevisionDto>? History { get; private set; }
    public ProfileForm Form { get; private set; } = new([]);
    public FieldErrors Errors { get; private set; } = FieldErrors.None;
    public CodeBook? Codes { get; private set; }
    public string? Message { get; private set; }
    public string? StaleNotice { get; private set; }
    public string? Problem { get; private set; }
    public bool EditOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await ShowAsync(200, keepForm: false);

    public async Task<IActionResult> OnPostAsync(long version)
    {
        var (form, unreadable) = ProfileForm.Read(Request.Form);
        if (unreadable.Any) // refused before it is sent: a row the page never writes is not dropped unseen
            return await RefusedAsync(form, unreadable);
        var answer = await referrals.ReviseProfileAsync(Agency, form.ToApi(), version, HttpContext.RequestAborted);
        switch (answer.Status)
        {
            case 200:
                Message = $"Verwijsprofiel opgeslagen (versie {answer.Read<ReferralProfileDto>().Version}).";
                return await ShowAsync(200, keepForm: false);
            case 412:
                var shown = await ShowAsync(412, keepForm: false);
                StaleNotice = $"Het verwijsprofiel is intussen gewijzigd (nu versie {Profile?.Version}), door iemand anders of in een ander " +
                              "venster. Hieronder staat de nieuwe versie; pas opnieuw aan als dat nog nodig is.";
                EditOpen = true;
                return shown;
            case 400:
                return await RefusedAsync(form, FieldErrors.From(answer.Problem));
            default:
                Problem = AgencyReferrals.Explain(answer);
                return await ShowAsync(answer.IsUnavailable ? 503 : answer.Status, keepForm: false);
        }
    }

    /// <summary>The page with the form as sent, open, each reason at its field.</summary>
    private async Task<IActionResult> RefusedAsync(ProfileForm form, FieldErrors errors)
    {
        Form = form;
        Errors = errors;
        EditOpen = true;
        return await ShowAsync(400, keepForm: true);
    }

    private async Task<IActionResult> ShowAsync(int status, bool keepForm)
    {
        var ct = HttpContext.RequestAborted;
        Codes = await codes.GetAsync(ct);
        var answer = await referrals.ProfileAsync(Agency, ct);
        if (answer.IsSuccess)
        {
            Profile = answer.Read<ReferralProfileDto>();
            if (!keepForm)
                Form = ProfileForm.From(Profile);
            var history = await referrals.ProfileHistoryAsync(Agency, ct);
            History = history.IsSuccess ? history.Read<List<ProfileRevisionDto>>() : null;
        }
        else
        {
            Problem ??= AgencyReferrals.Explain(answer);
            status = answer.IsUnavailable ? 503 : answer.Status;
        }
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    public string TopicLabel(string? topic) => topic is null ? "" : Codes?.Label(DeskCodes.Topics, topic) ?? topic;
}

using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Finder;
using IdoPlatform.Web.Platform;
using IdoPlatform.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Pages.Verwijzen;

/// <summary>One referral: its code shown large, the printable referral slip for the citizen (the location, its opening
/// hours, the code, what to bring), its history, and cancelling it while it is open.</summary>
public sealed class VerwijzingModel(AgencyReferrals referrals, OffersDirectory offers, OfferCodes offerCodes, DeskCodes codes,
    PlatformApi api, IOptions<MapSettings> map) : AgencyPage
{
    public override MapSettings Map => map.Value;
    public AgencyReferralDetailDto? Detail { get; private set; }
    public PublicLocationDto? Location { get; private set; }
    public IReadOnlyList<string> WhatToBring { get; private set; } = ReferralText.WhatToBring;
    public CodeBook? Codes { get; private set; }
    public string? AgencyName { get; private set; }
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>`?intrekken=bevestigen`: the page asks to confirm before the cancel is posted.</summary>
    [BindProperty(SupportsGet = true, Name = "intrekken")] public string? Confirm { get; set; }
    public bool Confirming => Confirm == "bevestigen" && Problem is null && Message is null;

    public async Task<IActionResult> OnGetAsync(string code) => await ShowAsync(code, 200);

    public async Task<IActionResult> OnPostIntrekkenAsync(string code)
    {
        var answer = await referrals.CancelAsync(code, HttpContext.RequestAborted);
        if (answer.IsSuccess)
            Message = "De verwijzing is ingetrokken. De code werkt niet meer bij het IDO.";
        else
            Problem = answer.Status == 409 ? $"Intrekken kan niet meer: {AgencyReferrals.Explain(answer)}" : AgencyReferrals.Explain(answer);
        return await ShowAsync(code, answer.IsSuccess || answer.Status == 409 ? 200 : answer.Status);
    }

    private async Task<IActionResult> ShowAsync(string code, int status)
    {
        var ct = HttpContext.RequestAborted;
        var answer = await referrals.GetAsync(code, ct);
        if (!answer.IsSuccess)
        {
            Problem ??= answer.Status is 400 or 404 ? "Geen verwijzing met deze code die u mag zien." : AgencyReferrals.Explain(answer);
            return StatusPage(answer.Status is 400 ? 404 : answer.IsUnavailable ? 503 : answer.Status);
        }
        Detail = answer.Read<AgencyReferralDetailDto>();
        Codes = await codes.GetAsync(ct);
        // Offers' public look-up (week's hours, what its offers ask to bring) only for a slip: it hides closed locations.
        if (Detail.Referral.HasSlip)
            (Location, _) = await offers.LocationAsync(Detail.Referral.LocationId, ct);
        if (Location is not null)
        {
            // What the offers there ask for, else what an IDO usually needs; the slip itself always.
            var label = await offerCodes.LabelsAsync(ct);
            var asked = (await offers.OffersAtAsync(Location, ct)).SelectMany(o => o.Offer.WhatToBring).Distinct()
                .Select(code => label(OfferCodes.WhatToBring, code)).ToList();
            WhatToBring = asked.Count == 0 ? ReferralText.WhatToBring : [ReferralText.WhatToBring[0], .. asked];
        }
        var catalogue = await api.GetAsync(PlatformApi.Referrals, "referrals/v1/agencies", ct);
        AgencyName = catalogue.IsSuccess
            ? catalogue.Read<AgencyCatalogueDto>().Agencies.FirstOrDefault(a => a.Code == Detail.Referral.Agency)?.Name
            : null;
        return StatusPage(status);
    }

    private PageResult StatusPage(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}

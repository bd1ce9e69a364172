using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Finder;
using IdoPlatform.Web.Platform;
using IdoPlatform.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Pages.Verwijzen;

/// <summary>The agency's referrals, newest first: filter by status, page through, cancel one that is still open.</summary>
public sealed class VerwijzingenModel(AgencyReferrals referrals, DeskCodes codes, IOptions<MapSettings> map)
    : AgencyPage
{
    [BindProperty(SupportsGet = true, Name = "status")] public string? Status { get; set; }
    [BindProperty(SupportsGet = true, Name = "pagina")] public int PageNumber { get; set; } = 1;

    public override MapSettings Map => map.Value;
    public IReadOnlyList<AgencyReferralDto> Items { get; private set; } = [];
    public long Total { get; private set; }
    public int Pages => (int)Math.Max(1, (Total + AgencyReferrals.PageSize - 1) / AgencyReferrals.PageSize);
    public CodeBook? Codes { get; private set; }
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>`?intrekken=CODE`: the list asks to confirm cancelling that referral first (one of this page's open ones).</summary>
    [BindProperty(SupportsGet = true, Name = "intrekken")] public string? Confirm { get; set; }
    public AgencyReferralDto? Confirming => Confirm is null ? null : Items.FirstOrDefault(i => i.Code == Confirm && i.IsOpen);

    public Task<IActionResult> OnGetAsync() => ShowAsync(200);

    public async Task<IActionResult> OnPostIntrekkenAsync(string code)
    {
        var answer = await referrals.CancelAsync(code, HttpContext.RequestAborted);
        if (answer.IsSuccess)
            Message = $"Verwijzing {code} is ingetrokken.";
        else
            Problem = $"Verwijzing {code} intrekken lukte niet: {AgencyReferrals.Explain(answer)}";
        return await ShowAsync(answer.IsSuccess || answer.Status == 409 ? 200 : answer.IsUnavailable ? 503 : answer.Status);
    }

    private async Task<IActionResult> ShowAsync(int status)
    {
        var ct = HttpContext.RequestAborted;
        if (Status is not null && ReferralText.Statuses.All(s => s.Code != Status))
            Status = null;
        PageNumber = Math.Max(1, PageNumber);
        Codes = await codes.GetAsync(ct);
        var answer = await referrals.ListAsync(Status, PageNumber, ct);
        if (answer.IsSuccess)
        {
            var page = answer.Read<Paged<AgencyReferralDto>>();
            Items = page.Items;
            Total = page.TotalItems; // each with its location's name from the referrals service, closed ones too
        }
        else
        {
            Problem ??= AgencyReferrals.Explain(answer);
            status = answer.IsUnavailable ? 503 : answer.Status;
        }
        var result = Page();
        result.StatusCode = status;
        return result;
    }

    public string PageLink(int page) =>
        $"/verwijzen/verwijzingen?pagina={page}" + (Status is null ? "" : $"&status={Uri.EscapeDataString(Status)}");
}

using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Library;
using IdoPlatform.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Web.Pages.Beheer;

/// <summary>One offer of the organisation: what it says, its schedule, changing it, publishing and withdrawing it (all
/// with If-Match: a 412 shows the version saved meanwhile), and its history.</summary>
public sealed class AanbodModel(LibraryReads reads, PlatformApi api) : BeheerPage
{
    public OfferDto? Offer { get; private set; }
    public string? ETag { get; private set; }
    public IReadOnlyList<StreamEventDto>? History { get; private set; }
    public IReadOnlyList<AdminLocationDto> Locations { get; private set; } = [];
    public IReadOnlyList<OfferTypeDto> Types { get; private set; } = [];
    public OfferFormView? Form { get; private set; }
    public FieldErrors WithdrawErrors { get; private set; } = FieldErrors.None;
    public string? Message { get; private set; }
    public string? Alert { get; private set; }
    public string? Problem { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid id, string? melding) => ShowAsync(id, 200, _ => Message = Notice(melding));

    public async Task<IActionResult> OnPostWijzigenAsync(Guid id, string? etag)
    {
        var (form, unreadable) = OfferForm.Read(Request.Form);
        if (unreadable.Any) // refused before it is sent: a row the page never writes, a doubled field
            return await ShowAsync(id, 400, _ => Form = Form! with { Form = form, Errors = unreadable });
        var current = await reads.OfferAsync(id, Organisation, Aborted);
        if (current.Value is not { } offer)
            return await ShowAsync(id, current.Status);
        var answer = await api.SendAsync(PlatformApi.Offers, HttpMethod.Put, LibraryPaths.Offer(id), form.ToRequest(offer), IfMatch(etag), Aborted);
        return answer.Status switch
        {
            200 => Redirect($"/beheer/aanbod/{id}?melding=opgeslagen"),
            412 => await ShowAsync(id, 412, fresh => Alert = Stale(fresh)),
            400 => await ShowAsync(id, 400, _ => Form = Form! with { Form = form, Errors = LibraryText.Errors(answer.Problem) }),
            _ => await ShowAsync(id, answer.Status, _ => { Form = Form! with { Form = form }; Alert = Explain(answer); }),
        };
    }

    public Task<IActionResult> OnPostPublicerenAsync(Guid id, string? etag) =>
        TransitionAsync(id, LibraryPaths.OfferPublication(id), null, etag, "gepubliceerd");

    public Task<IActionResult> OnPostIntrekkenAsync(Guid id, string? etag, string? reason) =>
        TransitionAsync(id, LibraryPaths.OfferWithdrawal(id), new { reason = string.IsNullOrWhiteSpace(reason) ? null : reason }, etag, "ingetrokken");

    private async Task<IActionResult> TransitionAsync(Guid id, string path, object? body, string? etag, string done)
    {
        var answer = await api.SendAsync(PlatformApi.Offers, HttpMethod.Post, path, body, IfMatch(etag), Aborted);
        return answer.Status switch
        {
            200 => Redirect($"/beheer/aanbod/{id}?melding={done}"),
            412 => await ShowAsync(id, 412, fresh => Alert = Stale(fresh)),
            400 => await ShowAsync(id, 400, _ => WithdrawErrors = LibraryText.Errors(answer.Problem)),
            _ => await ShowAsync(id, answer.Status, _ => Alert = Explain(answer)),
        };
    }

    private static string Stale(string? etag) =>
        $"Dit aanbod is intussen gewijzigd (nu versie {Version(etag)}). Hieronder staat de nieuwe versie; probeer het opnieuw als dat nog nodig is.";

    private async Task<IActionResult> ShowAsync(Guid id, int status, Action<string?>? adjust = null)
    {
        var loaded = await reads.OfferAsync(id, Organisation, Aborted);
        if (loaded.Value is not { } offer)
        {
            Problem = loaded.Problem;
            return WithStatus(loaded.Status);
        }
        Offer = offer;
        ETag = loaded.ETag;
        History = await reads.HistoryAsync(LibraryPaths.OfferHistory(id), Aborted);
        Locations = (await reads.LocationsAsync(Organisation, Aborted)).Value ?? [];
        Types = await reads.OfferTypesAsync(Aborted);
        Form = new OfferFormView(OfferForm.From(offer), FieldErrors.None, Types,
            Locations.Where(l => !l.Closed || offer.LocationIds.Contains(l.LocationId)).ToList(), $"/beheer/aanbod/{id}/wijzigen", ETag, "Wijzigingen opslaan");
        adjust?.Invoke(ETag);
        return WithStatus(status);
    }

    public string LocationName(string locationId) => Locations.FirstOrDefault(l => l.LocationId == locationId)?.Name ?? locationId;

    public string TypeName => Types.FirstOrDefault(t => t.Code == Offer?.OfferType)?.Name ?? Offer?.OfferType ?? "";
}

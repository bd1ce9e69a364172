using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Library;
using IdoPlatform.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Web.Pages.Beheer;

/// <summary>A new offer: saved as a draft (with an Idempotency-Key, so a double click makes one), then its own page.</summary>
public sealed class AanbodNieuwModel(LibraryReads reads, PlatformApi api) : BeheerPage
{
    public OfferFormView? Form { get; private set; }
    public string? Alert { get; private set; }

    public async Task OnGetAsync()
    {
        var locations = await OpenLocationsAsync();
        await ShowAsync(OfferForm.Empty(locations.Count == 1 ? [locations[0].LocationId] : []), FieldErrors.None, locations);
    }

    public async Task<IActionResult> OnPostAsync(string? idempotencyKey)
    {
        var (form, unreadable) = OfferForm.Read(Request.Form);
        if (unreadable.Any) // refused before it is sent: a row the page never writes, a doubled field
        {
            await ShowAsync(form, unreadable, await OpenLocationsAsync());
            return WithStatus(400);
        }
        var headers = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.TryParse(idempotencyKey, out var key) ? key.ToString() : Guid.NewGuid().ToString() };
        var answer = await api.SendAsync(PlatformApi.Offers, HttpMethod.Post, LibraryPaths.Offers, form.ToRequest(null), headers, Aborted);
        if (answer.Status == 201)
            return Redirect($"/beheer/aanbod/{answer.Read<OfferDto>().OfferId}?melding=aangemaakt");
        await ShowAsync(form, LibraryText.Errors(answer.Problem), await OpenLocationsAsync());
        if (answer.Status != 400)
            Alert = Explain(answer);
        return WithStatus(answer.Status);
    }

    private async Task<IReadOnlyList<AdminLocationDto>> OpenLocationsAsync() =>
        (await reads.LocationsAsync(Organisation, Aborted)).Value?.Where(l => !l.Closed).ToList() ?? [];

    private async Task ShowAsync(OfferForm form, FieldErrors errors, IReadOnlyList<AdminLocationDto> locations) =>
        Form = new OfferFormView(form, errors, await reads.OfferTypesAsync(Aborted), locations, "/beheer/aanbod/nieuw", null, "Concept opslaan",
            Guid.NewGuid().ToString());
}

using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Library;
using IdoPlatform.Web.Platform;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Web.Pages.Beheer;

/// <summary>One location of the organisation: its data, opening hours and IDO (changed with If-Match: a 412 shows the
/// version saved meanwhile), closing it, and its history. Another organisation's location is not found.</summary>
public sealed class LocatieModel(LibraryReads reads, PlatformApi api) : BeheerPage
{
    public AdminLocationDto? Location { get; private set; }
    public string? ETag { get; private set; }
    public IReadOnlyList<StreamEventDto>? History { get; private set; }
    public LocationForm Form { get; private set; } = new([], false, null);
    public FieldErrors Errors { get; private set; } = FieldErrors.None;
    public FieldErrors CloseErrors { get; private set; } = FieldErrors.None;
    public string? Message { get; private set; }
    public string? Alert { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? melding) =>
        await ShowAsync(id, 200, f => Message = Notice(melding));

    public async Task<IActionResult> OnPostWijzigenAsync(string id, string? etag)
    {
        var (form, unreadable) = LocationForm.Read(Request.Form);
        if (unreadable.Any) // refused before it is sent: a row the page never writes, a doubled field
            return await ShowAsync(id, 400, _ => { Form = form; Errors = unreadable; });
        var current = await reads.LocationAsync(id, Organisation, Aborted);
        if (current.Value is not { } location)
            return await ShowAsync(id, current.Status);
        var answer = await api.SendAsync(PlatformApi.Offers, HttpMethod.Put, LibraryPaths.Location(id), form.ToChange(location), IfMatch(etag), Aborted);
        return answer.Status switch
        {
            200 => RedirectToPage(new { id, melding = "opgeslagen", handler = (string?)null }),
            412 => await ShowAsync(id, 412, fresh => Alert =
                $"Deze locatie is intussen gewijzigd (nu versie {Version(fresh)}). Hieronder staan de nieuwe gegevens; wijzig opnieuw als dat nog nodig is."),
            400 => await ShowAsync(id, 400, _ => { Form = form; Errors = LibraryText.Errors(answer.Problem); }),
            _ => await ShowAsync(id, answer.Status, _ => { Form = form; Alert = Explain(answer); }),
        };
    }

    public async Task<IActionResult> OnPostSluitenAsync(string id, string? etag, string? closedOn, string? reason)
    {
        var body = new { closedOn = string.IsNullOrWhiteSpace(closedOn) ? null : closedOn, reason = string.IsNullOrWhiteSpace(reason) ? null : reason };
        var answer = await api.SendAsync(PlatformApi.Offers, HttpMethod.Post, LibraryPaths.LocationClosing(id), body, IfMatch(etag), Aborted);
        return answer.Status switch
        {
            200 => RedirectToPage(new { id, melding = "gesloten", handler = (string?)null }),
            412 => await ShowAsync(id, 412, fresh => Alert =
                $"Deze locatie is intussen gewijzigd (nu versie {Version(fresh)}); bekijk de nieuwe gegevens en sluit haar zo nodig opnieuw."),
            400 => await ShowAsync(id, 400, _ => CloseErrors = LibraryText.Errors(answer.Problem)),
            _ => await ShowAsync(id, answer.Status, _ => Alert = Explain(answer)),
        };
    }

    /// <summary>Loads the location as it is now and its history, then lets the handler add what it has to say.</summary>
    private async Task<IActionResult> ShowAsync(string id, int status, Action<string?>? adjust = null)
    {
        var loaded = await reads.LocationAsync(id, Organisation, Aborted);
        if (loaded.Value is not { } location)
        {
            Problem = loaded.Problem;
            return WithStatus(loaded.Status);
        }
        Location = location;
        ETag = loaded.ETag;
        Form = LocationForm.From(location);
        History = await reads.HistoryAsync(LibraryPaths.LocationHistory(id), Aborted);
        adjust?.Invoke(ETag);
        return WithStatus(status);
    }
}

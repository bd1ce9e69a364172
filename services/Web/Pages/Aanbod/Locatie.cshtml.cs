using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Finder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Pages.Aanbod;

/// <summary>One IDO location for citizens: address, the week's opening hours, and each offer there with its next dates,
/// what to bring and how to take part.</summary>
public sealed class LocatieModel(OffersDirectory offers, OfferCodes codes, IOptions<MapSettings> map, TimeProvider clock) : PageModel
{
    public MapSettings Map => map.Value;
    public DateOnly Today => DutchCalendar.DayOf(clock.GetUtcNow());
    public PublicLocationDto? Location { get; private set; }
    public IReadOnlyList<PublicOfferHitDto> Offers { get; private set; } = [];
    public PlacesView? Place { get; private set; }
    public string? Message { get; private set; }
    public Func<string, string, string> Label { get; private set; } = (_, code) => code;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var ct = HttpContext.RequestAborted;
        var (location, answer) = await offers.LocationAsync(id, ct);
        if (location is null || location.Closed || !location.Visible)
        {
            Message = answer.IsUnavailable ? "De gegevens kunnen nu niet worden opgehaald. Probeer het later opnieuw." : null;
            var missing = Page();
            missing.StatusCode = answer.IsUnavailable ? 503 : 404;
            return missing;
        }
        Location = location;
        Offers = await offers.OffersAtAsync(location, ct);
        Label = await codes.LabelsAsync(ct);
        Place = new PlacesView("Op de kaart", [new PlaceCard(location.LocationId, location.Name, location.Address.Line, null,
            location.HoursOn(Today), [], location.Coordinates.Latitude, location.Coordinates.Longitude)],
            Map, "Vandaag open");
        return Page();
    }
}

using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Finder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Pages.Aanbod;

/// <summary>/aanbod, without sign-in: a citizen's postcode or place → the IDO locations nearby (list + map, the same
/// component as /verwijzen) with the help and courses there and their next dates.</summary>
public sealed class AanbodModel(OffersDirectory offers, PlaceNames places, IOptions<MapSettings> map, TimeProvider clock) : PageModel
{
    public const int Shown = 10;

    [BindProperty(SupportsGet = true, Name = "waar")] public string? Where { get; set; }

    public MapSettings Map => map.Value;
    public FieldErrors Errors { get; private set; } = FieldErrors.None;
    public PlacesView? Results { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!Request.Query.ContainsKey("waar"))
            return Page();
        var (place, problem) = SearchPlace.Read(Where, places);
        if (place is null)
        {
            Errors = FieldErrors.Of(SearchPlace.Field, problem!);
            return Status(400);
        }
        var (locations, hits, answer) = await offers.NearAsync(place, Shown, HttpContext.RequestAborted);
        if (!answer.IsSuccess)
        {
            if (answer.Status == 400 && answer.Problem?.InvalidParams is { Count: > 0 } reasons)
            {
                Errors = FieldErrors.Of(SearchPlace.Field, string.Join(" ", reasons.Select(r => r.Reason)));
                return Status(400);
            }
            Message = answer.IsUnavailable
                ? "Het aanbod kan nu niet worden opgehaald. Probeer het over een paar minuten opnieuw."
                : $"Zoeken lukte niet (status {answer.Status}).";
            return Status(answer.IsUnavailable ? 503 : answer.Status);
        }
        var today = DutchCalendar.DayOf(clock.GetUtcNow());
        Results = new PlacesView($"IDO's bij {place.Shown}", locations.Select(hit => new PlaceCard(
                hit.Location.LocationId, hit.Location.Name, hit.Location.Address.Line,
                hit.DistanceMeters is { } m ? FinderText.Distance(m) : null, hit.Location.HoursOn(today),
                hits.Where(o => o.Offer.LocationIds.Contains(hit.Location.LocationId))
                    .Select(o => new OfferLine(o.Offer.Title, FinderText.Dates(o.NextOccurrences ?? [], o.NextSessions, today) is { } dates ? $"Volgende keer: {dates}" : null))
                    .ToList(),
                hit.Location.Coordinates.Latitude, hit.Location.Coordinates.Longitude, $"/aanbod/locaties/{hit.Location.LocationId}"))
            .ToList(), Map, "Vandaag open") { OtherPlaces = OtherPlace.Of(place, "/aanbod") };
        return Page();
    }

    private PageResult Status(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}

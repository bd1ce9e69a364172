namespace IdoPlatform.Web.Finder;

// The list + map shown by both /verwijzen and /aanbod (Pages/Shared/_Places.cshtml): one component, two callers.

/// <summary>An offer as a location card lists it: its title and, when known, its next dates.</summary>
public sealed record OfferLine(string Title, string? When = null, string? Link = null);

/// <summary>One location in the list (and one marker on the map).</summary>
public sealed record PlaceCard(
    string LocationId,
    string Name,
    string Address,
    string? Distance,
    string Hours,
    IReadOnlyList<OfferLine> Offers,
    double Latitude,
    double Longitude,
    string? Link = null);

/// <summary>The list with its map. <paramref name="Action"/> names the partial rendered under each card (the
/// agency's "verwijzen" form), or null; <paramref name="ActionModel"/> is what that partial gets beside the card.</summary>
public sealed record PlacesView(
    string Heading,
    IReadOnlyList<PlaceCard> Places,
    MapSettings Map,
    string HoursLabel,
    string? Action = null,
    object? ActionModel = null);

/// <summary>A card and the caller's extra for its action partial.</summary>
public sealed record PlaceAction(PlaceCard Place, object? Model);

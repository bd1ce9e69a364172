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
    object? ActionModel = null)
{
    /// <summary>Other places the searched name may mean, each a link to the same search there.</summary>
    public IReadOnlyList<OtherPlace> OtherPlaces { get; init; } = [];
}

/// <summary>"Bedoelde u <paramref name="Shown"/>?", linking to the same search for that place.</summary>
public sealed record OtherPlace(string Shown, string Link)
{
    /// <summary>The searched place's others as links to <paramref name="path"/> with the rest of the search kept (blank
    /// values left out, as the form would send them).</summary>
    public static IReadOnlyList<OtherPlace> Of(SearchPlace place, string path, params (string Name, string? Value)[] rest) =>
        place.Others.Select(other => new OtherPlace(other.Shown, path + QueryString.Create(rest
                .Where(p => !string.IsNullOrWhiteSpace(p.Value))
                .Select(p => KeyValuePair.Create(p.Name, p.Value))
                .Prepend(KeyValuePair.Create(SearchPlace.Field, (string?)other.Typed)))))
            .ToList();
}

/// <summary>A card and the caller's extra for its action partial.</summary>
public sealed record PlaceAction(PlaceCard Place, object? Model);

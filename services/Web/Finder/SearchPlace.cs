using IdoPlatform.BuildingBlocks.Geo;

namespace IdoPlatform.Web.Finder;

/// <summary>What a person typed in the "postcode of plaats" field, turned into what the APIs search around: a full postcode
/// or a four-digit area (both APIs measure from the area's centre).</summary>
public sealed record SearchPlace(string Postcode, string Shown)
{
    public const string Field = "waar";
    public const string Empty = "Vul een postcode (zoals 9711 AB) of een plaatsnaam in.";

    /// <summary>For a name of several places (and none named): the places not taken, to offer ("Bedoelde u …?").</summary>
    public IReadOnlyList<PlaceChoice> Others { get; init; } = [];

    /// <summary>The place to search around, or the reason shown at the field. A place name becomes its lowest four-digit
    /// area; a name of several places is shown with the province of the one taken, so the person sees which.</summary>
    public static (SearchPlace? Place, string? Problem) Read(string? typed, PlaceNames places)
    {
        var text = typed?.Trim() ?? "";
        if (text.Length == 0)
            return (null, Empty);
        if (DutchPostcode.Normalize(text) is { } postcode)
            return (new SearchPlace(postcode, FinderText.PostcodeText(postcode)), null);
        if (DutchPostcode.TryPc4(text, out var area))
            return (new SearchPlace(area, area), null);
        if (text.Any(char.IsAsciiDigit))
            return (null, $"'{text}' is geen postcode. Een postcode heeft vier cijfers en twee letters, zoals 9711 AB.");
        if (places.Find(text) is { } match)
            return (new SearchPlace(match.Pc4, match.Taken?.Shown ?? text) { Others = match.Others }, null);
        return (null, places.IsAvailable
            ? $"De plaats '{text}' kennen we niet. Probeer een postcode, zoals 9711 AB."
            : "Zoeken op plaatsnaam kan nu niet. Vul een postcode in, zoals 9711 AB.");
    }
}

namespace IdoPlatform.Web.Finder;

/// <summary>The map beside the location lists (<c>Web:Map</c>). Tiles come from an outside tile server (PDOK's BRT
/// achtergrondkaart in production); without <see cref="TileUrl"/> the map is left out and the list stands alone, as in
/// the tests, which have no internet.</summary>
public sealed class MapSettings
{
    public const string Section = "Web:Map";

    /// <summary>A Leaflet URL template, e.g.
    /// <c>https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png</c>.</summary>
    public string? TileUrl { get; set; }

    public string Attribution { get; set; } = "Kaartgegevens © Kadaster (BRT Achtergrondkaart)";

    public bool IsEnabled => TileOrigin is not null;

    /// <summary>The tile server's origin (<c>https://service.pdok.nl</c>), which the CSP's img-src must allow; null when
    /// no usable URL is configured.</summary>
    public string? TileOrigin =>
        Uri.TryCreate(TileUrl?.Replace("{", "").Replace("}", ""), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
            ? uri.GetLeftPart(UriPartial.Authority)
            : null;
}

using IdoPlatform.Web.Finder;
using IdoPlatform.Web.Hosting;

namespace IdoPlatform.Web.Tests.Finder;

/// <summary>The finder's search field and map settings, without a browser.</summary>
public sealed class SearchPlaceTests
{
    private static readonly PlaceNames Places = PlaceNames.FromCsv([
        "id,postcode,\"woonplaats\",\"alternatieve_schrijfwijzen\",\"gemeente\",\"provincie\",\"netnummer\",latitude,longitude,\"soort\"",
        "1,9700,\"Groningen\",\"\",\"Groningen\",\"Groningen\",\"050\",53.2,6.5,\"Postbus\"",
        "2,9712,\"Groningen\",\"\",\"Groningen\",\"Groningen\",\"050\",53.2,6.5,\"Adres\"",
        "3,9711,\"Groningen\",\"\",\"Groningen\",\"Groningen\",\"050\",53.2,6.5,\"Adres\"",
        "5,9701,\"Groningen\",\"\",\"Groningen\",\"Groningen\",\"050\",53.2,6.5,\"Adres + Postbus\"",
        "4,8911,\"Leeuwarden\",\"Ljouwert\",\"Leeuwarden\",\"Fryslân\",\"058\",53.2,5.8,\"Adres\"",
    ]);

    [Theory]
    [InlineData("9711 ab", "9711AB", "9711 AB")]
    [InlineData(" 9711AB ", "9711AB", "9711 AB")]
    [InlineData("9711", "9711AA", "9711")]
    [InlineData("groningen", "9711AA", "groningen")]
    [InlineData("Ljouwert", "8911AA", "Ljouwert")]
    public void A_postcode_an_area_or_a_known_place_becomes_a_postcode_to_search_around(string typed, string postcode, string shown)
    {
        var (place, problem) = SearchPlace.Read(typed, Places);
        Assert.Null(problem);
        Assert.Equal(new SearchPlace(postcode, shown), place);
    }

    [Theory]
    [InlineData("", "Vul een postcode")]
    [InlineData("12AB", "geen postcode")]
    [InlineData("0123 AB", "geen postcode")]
    [InlineData("Nergenshuizen", "kennen we niet")]
    public void Anything_else_is_refused_with_a_reason_for_the_field(string typed, string reason)
    {
        var (place, problem) = SearchPlace.Read(typed, Places);
        Assert.Null(place);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void Without_the_place_list_a_place_name_says_to_use_a_postcode()
    {
        var (_, problem) = SearchPlace.Read("Groningen", PlaceNames.None);
        Assert.Contains("Vul een postcode in", problem);
    }

    [Fact]
    public void A_configured_tile_server_is_allowed_in_the_pages_img_src_and_nothing_else_changes()
    {
        var map = new MapSettings { TileUrl = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png" };
        Assert.True(map.IsEnabled);
        Assert.Equal("https://service.pdok.nl", map.TileOrigin);
        Assert.Equal(PageHeaders.ContentSecurityPolicy.Replace("img-src 'self' data:", "img-src 'self' data: https://service.pdok.nl"),
            PageHeaders.For(map.TileOrigin));
        Assert.Equal(PageHeaders.ContentSecurityPolicy, PageHeaders.For(new MapSettings().TileOrigin));
        Assert.False(new MapSettings { TileUrl = "javascript:alert(1)" }.IsEnabled);
    }
}

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
    [InlineData("9711", "9711", "9711")]
    [InlineData("groningen", "9711", "groningen")]
    [InlineData("Ljouwert", "8911", "Ljouwert")]
    public void A_postcode_an_area_or_a_known_place_becomes_what_to_search_around(string typed, string postcode, string shown)
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

    // Winsum twice: a village in Friesland with the lower PC4, and the Groningen one its gemeente is named after. Hoorn twice,
    // neither in a gemeente of that name: the one with more areas is the town (its areas made up to lie above the other's).
    // Nes twice, one area each, in one province: the lower area, told apart by gemeente.
    private static readonly PlaceNames Ambiguous = PlaceNames.FromCsv([
        "id,postcode,\"woonplaats\",\"alternatieve_schrijfwijzen\",\"gemeente\",\"provincie\",\"netnummer\",latitude,longitude,\"soort\"",
        "1,8831,\"Winsum\",\"Winsum Fr\",\"Littenseradiel\",\"Friesland\",\"0517\",53.1,5.6,\"Adres\"",
        "2,9950,\"Winsum\",\"\",\"Winsum\",\"Groningen\",\"0595\",53.3,6.5,\"Postbus\"",
        "3,9952,\"Winsum\",\"\",\"Winsum\",\"Groningen\",\"0595\",53.3,6.5,\"Adres\"",
        "4,9951,\"Winsum\",\"\",\"Winsum\",\"Groningen\",\"0595\",53.3,6.5,\"Adres\"",
        "5,1621,\"Hoorn\",\"\",\"Hoorn NH\",\"Noord-Holland\",\"0229\",52.6,5.0,\"Adres\"",
        "6,1622,\"Hoorn\",\"\",\"Hoorn NH\",\"Noord-Holland\",\"0229\",52.6,5.0,\"Adres\"",
        "7,1620,\"Hoorn\",\"\",\"Terschelling\",\"Friesland\",\"0562\",53.4,5.3,\"Adres\"",
        "8,9163,\"Nes\",\"\",\"Dongeradeel\",\"Friesland\",\"0519\",53.4,5.8,\"Adres\"",
        "9,9142,\"Nes\",\"\",\"Boarnsterhim\",\"Friesland\",\"0566\",53.0,5.9,\"Adres\"",
        "10,9001,\"Grou\",\"Grouw;Grôu\",\"Boarnsterhim\",\"Friesland\",\"0566\",53.0,5.8,\"Adres\"",
    ]);

    [Theory]
    [InlineData("Winsum", "9951", "Winsum (Groningen)")]
    [InlineData(" winsum ", "9951", "Winsum (Groningen)")]
    [InlineData("Hoorn", "1621", "Hoorn (Noord-Holland)")]
    [InlineData("Nes", "9142", "Nes (Boarnsterhim)")]
    public void A_name_of_several_places_takes_the_likeliest_and_says_which(string typed, string postcode, string shown)
    {
        var (place, problem) = SearchPlace.Read(typed, Ambiguous);
        Assert.Null(problem);
        Assert.Equal(postcode, place!.Postcode);
        Assert.Equal(shown, place.Shown);
    }

    [Fact]
    public void The_places_not_taken_are_offered_as_the_same_search_there()
    {
        var (place, _) = SearchPlace.Read("Winsum", Ambiguous);
        Assert.Equal([new PlaceChoice("Winsum", "Friesland")], place!.Others);
        Assert.Equal("Winsum (Friesland)", place.Others[0].Shown);
        Assert.Equal("Winsum, Friesland", place.Others[0].Typed);
        Assert.Equal([new PlaceChoice("Nes", "Dongeradeel")], SearchPlace.Read("Nes", Ambiguous).Place!.Others);

        // The link keeps the rest of the search (a blank value is left out, as the form would).
        var link = Assert.Single(OtherPlace.Of(place, "/verwijzen", ("onderwerp", "toeslagen"), ("open", "")));
        Assert.Equal(new OtherPlace("Winsum (Friesland)", "/verwijzen?waar=Winsum,%20Friesland&onderwerp=toeslagen"), link);
    }

    [Theory]
    [InlineData("Winsum, Friesland", "8831")]
    [InlineData("Winsum (Friesland)", "8831")]
    [InlineData("  winsum ,  fryslân ", "8831")]
    [InlineData("WINSUM (FRYSLAN)", "8831")]
    [InlineData("Winsum, Groningen", "9951")]
    [InlineData("Winsum (Winsum)", "9951")]
    [InlineData("Hoorn, Friesland", "1620")]
    [InlineData("Nes, Dongeradeel", "9163")]
    [InlineData("Grou, Friesland", "9001")]
    public void A_name_with_its_province_or_gemeente_means_the_place_there_as_typed(string typed, string postcode)
    {
        var (place, problem) = SearchPlace.Read(typed, Ambiguous);
        Assert.Null(problem);
        Assert.Equal(new SearchPlace(postcode, typed.Trim()), place);
        Assert.Empty(place!.Others);
    }

    [Theory]
    [InlineData("Winsum, Utrecht")]
    [InlineData("Winsum ()")]
    [InlineData("Nergenshuizen, Friesland")]
    public void A_province_or_gemeente_without_that_place_is_not_known(string typed)
    {
        var (place, problem) = SearchPlace.Read(typed, Ambiguous);
        Assert.Null(place);
        Assert.Contains("kennen we niet", problem);
    }

    [Theory]
    [InlineData("Grou", "9001")]
    [InlineData(" grouw ", "9001")]
    [InlineData("Grôu", "9001")] // every spelling of the list's "a;b" counts
    [InlineData("Winsum Fr", "8831")] // a spelling of one place only
    public void A_name_of_one_place_is_as_before_its_lowest_area_shown_as_typed(string typed, string postcode)
    {
        var (place, problem) = SearchPlace.Read(typed, Ambiguous);
        Assert.Null(problem);
        Assert.Equal(new SearchPlace(postcode, typed.Trim()), place);
        Assert.Empty(place!.Others);
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

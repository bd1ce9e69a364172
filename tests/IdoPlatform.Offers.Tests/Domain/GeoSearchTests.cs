using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Tests.Domain;

public class GeoSearchTests
{
    private static (SearchArea? Area, IReadOnlyList<InvalidParam> Errors) Resolve(Pc4Lookup postcodes, string? postcode = null,
        double? lat = null, double? lon = null, int? radius = null)
    {
        var v = new Validator();
        var area = GeoSearch.Resolve(v, postcodes, postcode, lat, lon, radius);
        return (area, v.Errors);
    }

    [Fact]
    public void A_postcode_searches_around_its_centroid_with_the_default_radius()
    {
        var (area, errors) = Resolve(Samples.Postcodes(), "2311EZ");
        Assert.Empty(errors);
        Assert.Equal(new SearchArea(new GeoPoint(52.1564, 4.4897), GeoSearch.DefaultRadiusMeters), area);
    }

    [Fact]
    public void Without_the_postcode_file_postcode_search_is_refused_and_coordinates_still_work()
    {
        var (area, errors) = Resolve(Pc4Lookup.Unavailable, "2311EZ");
        Assert.Null(area);
        Assert.Equal(("postcode", "unavailable"), (Assert.Single(errors).Name, errors[0].Code));
        Assert.Contains("postcode search unavailable", errors[0].Reason);

        var (byPoint, none) = Resolve(Pc4Lookup.Unavailable, lat: 52.1, lon: 4.5, radius: 5000);
        Assert.Empty(none);
        Assert.Equal(5000, byPoint!.RadiusMeters);
    }

    [Fact]
    public void Bad_geo_parameters_are_each_named()
    {
        Assert.Equal("postcode", Assert.Single(Resolve(Samples.Postcodes(), "23111EZ").Errors).Name);
        Assert.Equal("postcode", Assert.Single(Resolve(Samples.Postcodes(), "1011AB").Errors).Name);
        Assert.Equal(["lat", "lon"], Resolve(Samples.Postcodes(), lat: 48.8, lon: 2.3).Errors.Select(e => e.Name));
        Assert.Equal("lon", Assert.Single(Resolve(Samples.Postcodes(), lat: 52.1).Errors).Name);
        Assert.Equal("radius", Assert.Single(Resolve(Samples.Postcodes(), radius: 500).Errors).Name);
        Assert.Equal("radius", Assert.Single(Resolve(Samples.Postcodes(), "2311EZ", radius: 0).Errors).Name);
        Assert.Equal("postcode", Assert.Single(Resolve(Samples.Postcodes(), "2311EZ", lat: 52.1, lon: 4.5).Errors).Name);
    }

    [Fact]
    public void Ranking_is_by_distance_then_id_and_stops_at_the_radius()
    {
        var centre = new GeoPoint(52.1564, 4.4897);
        var positions = new[]
        {
            new LocationPosition("NL-000002-0001", new GeoPoint(52.0778, 4.3176)),
            new LocationPosition("NL-000001-0002", centre),
            new LocationPosition("NL-000001-0001", centre),
            new LocationPosition("NL-000003-0001", new GeoPoint(53.2167, 6.5696)),
        };
        var ranked = GeoSearch.Rank(positions, new SearchArea(centre, 50_000));
        Assert.Equal(["NL-000001-0001", "NL-000001-0002", "NL-000002-0001"], ranked.Select(r => r.LocationId));
        Assert.Equal(0, ranked[0].RoundedMeters);
        Assert.Equal(GeoDistance.RoundedMeters(centre, new GeoPoint(52.0778, 4.3176)), ranked[2].RoundedMeters);
    }
}

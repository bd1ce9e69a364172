using IdoPlatform.BuildingBlocks.Geo;

namespace IdoPlatform.BuildingBlocks.Tests.Geo;

public class GeoDistanceTests
{
    [Fact]
    public void One_degree_of_latitude_is_the_earth_radius_times_pi_over_180()
    {
        var meters = GeoDistance.Meters(new GeoPoint(52, 5), new GeoPoint(53, 5));
        Assert.Equal(GeoDistance.EarthRadiusMeters * Math.PI / 180, meters, 3);
    }

    [Fact]
    public void Distance_is_symmetric_and_zero_to_itself()
    {
        var leiden = new GeoPoint(52.1564, 4.4897);
        var groningen = new GeoPoint(53.2167, 6.5696);
        Assert.Equal(GeoDistance.Meters(leiden, groningen), GeoDistance.Meters(groningen, leiden), 6);
        Assert.Equal(0, GeoDistance.Meters(leiden, leiden));
        Assert.InRange(GeoDistance.Meters(leiden, groningen), 175_000, 185_000);
    }

    [Fact]
    public void Haversine_gives_known_distances()
    {
        var leiden = new GeoPoint(52.1594, 4.4903);
        var amsterdamDam = new GeoPoint(52.3731, 4.8926);
        var rotterdamCs = new GeoPoint(51.9244, 4.4690);
        Assert.InRange(amsterdamDam.MetersTo(rotterdamCs), 57_000, 59_000);
        Assert.Equal(0, leiden.MetersTo(leiden), 6);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(45)]
    [InlineData(90)]
    [InlineData(135)]
    [InlineData(180)]
    [InlineData(270)]
    [InlineData(315)]
    public void The_bounding_box_holds_every_point_at_the_radius(double bearingDegrees)
    {
        var centre = new GeoPoint(53.4, 6.9);
        const double radius = 50_000;
        var point = Destination(centre, bearingDegrees, radius * 0.999);
        var (minLat, maxLat, minLon, maxLon) = GeoDistance.BoundingBox(centre, radius);
        Assert.InRange(point.Latitude, minLat, maxLat);
        Assert.InRange(point.Longitude, minLon, maxLon);
    }

    [Theory]
    [InlineData(52.1, 4.5, true)]
    [InlineData(53.45, 6.8, true)]
    [InlineData(50.8, 5.7, true)]
    [InlineData(48.85, 2.35, false)]
    [InlineData(52.1, 7.5, false)]
    [InlineData(54.0, 5.0, false)]
    public void The_netherlands_box(double lat, double lon, bool inside) => Assert.Equal(inside, NetherlandsBounds.Contains(lat, lon));

    private static GeoPoint Destination(GeoPoint from, double bearingDegrees, double meters)
    {
        var d = meters / GeoDistance.EarthRadiusMeters;
        var b = bearingDegrees * Math.PI / 180;
        var lat1 = from.Latitude * Math.PI / 180;
        var lon1 = from.Longitude * Math.PI / 180;
        var lat2 = Math.Asin(Math.Sin(lat1) * Math.Cos(d) + Math.Cos(lat1) * Math.Sin(d) * Math.Cos(b));
        var lon2 = lon1 + Math.Atan2(Math.Sin(b) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - Math.Sin(lat1) * Math.Sin(lat2));
        return new GeoPoint(lat2 * 180 / Math.PI, lon2 * 180 / Math.PI);
    }
}

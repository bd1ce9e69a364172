namespace IdoPlatform.BuildingBlocks.Geo;

/// <summary>
/// Great-circle distance (haversine) on a sphere with the earth's mean radius. Good to a few metres
/// over the Netherlands, which is all "nearest IDO" needs; one implementation so every service
/// ranks the same way.
/// </summary>
public static class GeoDistance
{
    public const double EarthRadiusMeters = 6_371_008.8;

    public static double Meters(GeoPoint a, GeoPoint b)
    {
        var dLat = ToRadians(b.Latitude - a.Latitude);
        var dLon = ToRadians(b.Longitude - a.Longitude);
        var h = Math.Pow(Math.Sin(dLat / 2), 2)
              + Math.Cos(ToRadians(a.Latitude)) * Math.Cos(ToRadians(b.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>Whole metres, as shown to clients; rounding keeps the order of the exact distances.</summary>
    public static int RoundedMeters(GeoPoint a, GeoPoint b) => (int)Math.Round(Meters(a, b), MidpointRounding.AwayFromZero);

    /// <summary>
    /// A latitude/longitude box that holds every point within <paramref name="radiusMeters"/> of
    /// <paramref name="centre"/>: a cheap pre-filter before the exact distance.
    /// </summary>
    public static (double MinLat, double MaxLat, double MinLon, double MaxLon) BoundingBox(GeoPoint centre, double radiusMeters)
    {
        var dLat = radiusMeters / EarthRadiusMeters * 180 / Math.PI;
        // Measured at the latitude farthest from the equator, so the box is never too narrow.
        var farthestLatitude = Math.Min(89, Math.Abs(centre.Latitude) + dLat);
        var dLon = dLat / Math.Cos(ToRadians(farthestLatitude));
        return (centre.Latitude - dLat, centre.Latitude + dLat, centre.Longitude - dLon, centre.Longitude + dLon);
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}

namespace IdoPlatform.BuildingBlocks.Geo;

/// <summary>A WGS84 position in decimal degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Great-circle distance in metres (<see cref="GeoDistance.Meters"/>).</summary>
    public double MetersTo(GeoPoint other) => GeoDistance.Meters(this, other);
}

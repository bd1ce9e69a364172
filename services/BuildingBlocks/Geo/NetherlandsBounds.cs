namespace IdoPlatform.BuildingBlocks.Geo;

/// <summary>A generous box around the European Netherlands (Wadden islands to Zuid-Limburg, Zeeland to the German border).</summary>
public static class NetherlandsBounds
{
    public const double MinLatitude = 50.7;
    public const double MaxLatitude = 53.6;
    public const double MinLongitude = 3.3;
    public const double MaxLongitude = 7.3;

    public static bool Contains(double latitude, double longitude) =>
        latitude is >= MinLatitude and <= MaxLatitude && longitude is >= MinLongitude and <= MaxLongitude;
}

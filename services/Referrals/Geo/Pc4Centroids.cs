using System.Text.Json;

namespace IdoPlatform.Referrals.Geo;

/// <summary>
/// PC4 area centroids read from the file at configuration <c>Postcodes:Pc4File</c> (shape
/// <c>{ "1011": [lat, lon], ... }</c>). The file stays outside the repository; without it postcode
/// look-ups are unavailable and say so. Local to referrals for now (see <see cref="GeoPoint"/>).
/// </summary>
public sealed class Pc4Centroids
{
    private readonly IReadOnlyDictionary<string, GeoPoint>? _centroids;

    private Pc4Centroids(IReadOnlyDictionary<string, GeoPoint>? centroids, string? problem)
    {
        _centroids = centroids;
        Problem = problem;
    }

    /// <summary>Why look-ups are unavailable; null when they work.</summary>
    public string? Problem { get; }

    public bool IsAvailable => _centroids is not null;

    public int Count => _centroids?.Count ?? 0;

    /// <summary>The PC4 codes known (empty when unavailable).</summary>
    public IEnumerable<string> Areas => _centroids?.Keys ?? [];

    public GeoPoint? Find(string pc4) => _centroids is not null && _centroids.TryGetValue(pc4, out var p) ? p : null;

    public static Pc4Centroids Unavailable(string problem) => new(null, problem);

    public static Pc4Centroids FromDictionary(IReadOnlyDictionary<string, GeoPoint> centroids) => new(centroids, null);

    /// <summary>Reads the file; a missing or unreadable file gives an unavailable instance, not a crash.</summary>
    public static Pc4Centroids Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return Unavailable("Postcodezoeken is niet ingericht (Postcodes:Pc4File ontbreekt).");
        if (!File.Exists(path)) return Unavailable($"Postcodezoeken is niet beschikbaar: bestand '{path}' ontbreekt.");
        try
        {
            var raw = JsonSerializer.Deserialize<Dictionary<string, double[]>>(File.ReadAllText(path))
                      ?? throw new JsonException("empty");
            var centroids = raw
                .Where(kv => kv.Value is { Length: 2 })
                .ToDictionary(kv => kv.Key, kv => new GeoPoint(kv.Value[0], kv.Value[1]));
            return FromDictionary(centroids);
        }
        catch (JsonException e)
        {
            return Unavailable($"Postcodezoeken is niet beschikbaar: '{path}' is onleesbaar ({e.Message}).");
        }
    }
}

using System.Text.Json;

namespace IdoPlatform.Offers.Geo;

/// <summary>
/// Postcode → the centroid of its four-digit area (PC4), from a JSON file <c>{"1011": [lat, lon], ...}</c>
/// whose path the operator configures. Without the file, postcode search is unavailable while
/// searching by coordinates keeps working.
/// </summary>
public sealed class Pc4Lookup
{
    private readonly IReadOnlyDictionary<string, GeoPoint> _centroids;

    private Pc4Lookup(IReadOnlyDictionary<string, GeoPoint> centroids, string? source)
    {
        _centroids = centroids;
        Source = source;
    }

    public static Pc4Lookup Unavailable { get; } = new(new Dictionary<string, GeoPoint>(), null);

    /// <summary>The file the centroids came from; null when unavailable.</summary>
    public string? Source { get; }

    public bool IsAvailable => Source is not null;

    public int Count => _centroids.Count;

    /// <summary>Reads the file, or <see cref="Unavailable"/> when there is none at that path.</summary>
    public static Pc4Lookup LoadOrUnavailable(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !File.Exists(path)) return Unavailable;
        using var stream = File.OpenRead(path);
        return FromJson(stream, Path.GetFullPath(path));
    }

    public static Pc4Lookup FromJson(Stream json, string source)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, double[]>>(json)
                  ?? throw new InvalidDataException($"{source} holds no PC4 centroids.");
        var centroids = raw
            .Where(kv => kv.Key.Length == 4 && kv.Value is { Length: 2 })
            .ToDictionary(kv => kv.Key, kv => new GeoPoint(kv.Value[0], kv.Value[1]), StringComparer.Ordinal);
        return new Pc4Lookup(centroids, source);
    }

    /// <summary>The PC4 centroid of a postcode (full <c>2311EZ</c>, spaced, or just <c>2311</c>).</summary>
    public bool TryFind(string? postcode, out GeoPoint centroid)
    {
        centroid = default;
        var trimmed = postcode?.Trim() ?? "";
        string pc4;
        if (trimmed.Length == 4 && trimmed.All(char.IsAsciiDigit) && trimmed[0] != '0') pc4 = trimmed;
        else if (DutchPostcode.TryNormalize(trimmed, out var normalized)) pc4 = DutchPostcode.Pc4(normalized);
        else return false;
        return _centroids.TryGetValue(pc4, out centroid);
    }
}

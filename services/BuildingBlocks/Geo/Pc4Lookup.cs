using System.Text.Json;

namespace IdoPlatform.BuildingBlocks.Geo;

/// <summary>
/// Postcode → the centroid of its four-digit area (PC4), from a JSON file <c>{"1011": [lat, lon], ...}</c>
/// whose path the operator configures (<c>Postcodes:Pc4File</c>). The file stays outside the repository:
/// without it, or with an unreadable one, postcode look-ups are unavailable and <see cref="Problem"/>
/// says why, while searching by coordinates keeps working.
/// </summary>
public sealed class Pc4Lookup
{
    private readonly IReadOnlyDictionary<string, GeoPoint> _centroids;

    private Pc4Lookup(IReadOnlyDictionary<string, GeoPoint> centroids, string? source, string? problem)
    {
        _centroids = centroids;
        Source = source;
        Problem = problem;
    }

    /// <summary>No file configured.</summary>
    public static Pc4Lookup Unavailable { get; } = NotAvailable("Postcodezoeken is niet ingericht (Postcodes:Pc4File ontbreekt).");

    /// <summary>Look-ups unavailable for the reason given (in Dutch: clients may be shown it).</summary>
    public static Pc4Lookup NotAvailable(string problem) => new(new Dictionary<string, GeoPoint>(), null, problem);

    /// <summary>The file the centroids came from; null when unavailable.</summary>
    public string? Source { get; }

    /// <summary>Why look-ups are unavailable; null when they work.</summary>
    public string? Problem { get; }

    public bool IsAvailable => Problem is null;

    public int Count => _centroids.Count;

    /// <summary>The PC4 codes known (empty when unavailable).</summary>
    public IEnumerable<string> Areas => _centroids.Keys;

    /// <summary>Reads the file; a missing or unreadable file gives an unavailable instance, not a crash.</summary>
    public static Pc4Lookup Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return Unavailable;
        if (!File.Exists(path)) return NotAvailable($"Postcodezoeken is niet beschikbaar: bestand '{path}' ontbreekt.");
        try
        {
            using var stream = File.OpenRead(path);
            return FromJson(stream, Path.GetFullPath(path));
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return NotAvailable($"Postcodezoeken is niet beschikbaar: '{path}' is onleesbaar ({e.Message}).");
        }
    }

    /// <summary>Reads <c>{"1011": [lat, lon], ...}</c>; entries of another shape are left out.</summary>
    public static Pc4Lookup FromJson(Stream json, string source)
    {
        var raw = JsonSerializer.Deserialize<Dictionary<string, double[]>>(json)
                  ?? throw new InvalidDataException($"{source} holds no PC4 centroids.");
        var centroids = raw
            .Where(kv => kv.Key.Length == 4 && kv.Value is { Length: 2 })
            .ToDictionary(kv => kv.Key, kv => new GeoPoint(kv.Value[0], kv.Value[1]), StringComparer.Ordinal);
        return new Pc4Lookup(centroids, source, null);
    }

    /// <summary>The centroid of a four-digit area (<c>2311</c>); null when unknown or unavailable.</summary>
    public GeoPoint? Find(string pc4) => _centroids.TryGetValue(pc4, out var centroid) ? centroid : null;

    /// <summary>The PC4 centroid of a postcode (full <c>2311EZ</c>, spaced, or just <c>2311</c>).</summary>
    public bool TryFind(string? postcode, out GeoPoint centroid)
    {
        centroid = default;
        return DutchPostcode.TryPc4(postcode, out var pc4) && _centroids.TryGetValue(pc4, out centroid);
    }
}

using System.Globalization;
using IdoPlatform.BuildingBlocks.Hosting;

namespace IdoPlatform.Web.Finder;

/// <summary>Place name → a four-digit postcode area in it, from the open 4pp list (<c>Web:Places:File</c>,
/// <c>woonplaats</c> and its other spellings per PC4). A place with several areas gets its lowest area of street addresses: the
/// distances that follow are from that area's centre. Without the file a place cannot be looked up, a postcode can.</summary>
public sealed class PlaceNames
{
    private readonly IReadOnlyDictionary<string, string> _pc4ByPlace;

    private PlaceNames(IReadOnlyDictionary<string, string> pc4ByPlace) => _pc4ByPlace = pc4ByPlace;

    public static PlaceNames None { get; } = new(new Dictionary<string, string>());

    public bool IsAvailable => _pc4ByPlace.Count > 0;

    /// <summary>The PC4 of a place (case and accents as typed in the list, surrounding spaces ignored), or null.</summary>
    public string? Pc4Of(string place) => _pc4ByPlace.GetValueOrDefault(Key(place));

    public static PlaceNames Load(IConfiguration configuration, ILogger logger)
    {
        var path = RepositoryPaths.Resolve(configuration, configuration["Web:Places:File"]);
        if (path is null || !File.Exists(path))
        {
            logger.LogWarning("No place list at {Path}: searching by place is off, by postcode works", path);
            return None;
        }
        return FromCsv(File.ReadLines(path));
    }

    /// <summary>Reads <c>id,postcode,woonplaats,alternatieve_schrijfwijzen,…,soort</c>; only areas of street addresses
    /// (<c>Adres</c>) count: PO-box areas have no centre to measure from.</summary>
    public static PlaceNames FromCsv(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = SplitCsv(line);
            if (fields.Count < 10 || fields[9] != "Adres" || fields[1].Length != 4)
                continue;
            foreach (var name in fields[3].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Prepend(fields[2]))
            {
                var key = Key(name);
                if (key.Length > 0 && (!map.TryGetValue(key, out var known) || string.CompareOrdinal(fields[1], known) < 0))
                    map[key] = fields[1];
            }
        }
        return new PlaceNames(map);
    }

    private static string Key(string place) => place.Trim().ToLower(CultureInfo.InvariantCulture);

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        fields.Add(current.ToString());
        return fields;
    }
}

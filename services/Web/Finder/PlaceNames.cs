using System.Globalization;
using System.Text;
using IdoPlatform.BuildingBlocks.Hosting;

namespace IdoPlatform.Web.Finder;

/// <summary>Place name → a four-digit postcode area in it, from the open 4pp list (<c>Web:Places:File</c>,
/// <c>woonplaats</c> and its other spellings per PC4). A place with several areas gets its lowest area of street addresses: the
/// distances that follow are from that area's centre. Without the file a place cannot be looked up, a postcode can.
/// Some names belong to several places (Winsum in Groningen and in Friesland): the likeliest is taken, and
/// "Winsum, Friesland" or "Winsum (Friesland)" picks another.</summary>
public sealed class PlaceNames
{
    // Per name: its places, likeliest first.
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Place>> _placesByName;

    private PlaceNames(IReadOnlyDictionary<string, IReadOnlyList<Place>> placesByName) => _placesByName = placesByName;

    public static PlaceNames None { get; } = new(new Dictionary<string, IReadOnlyList<Place>>());

    public bool IsAvailable => _placesByName.Count > 0;

    /// <summary>The place a typed name means (case and accents as in the list, surrounding spaces ignored), or null.
    /// A name followed by a province or gemeente (<c>Winsum, Friesland</c> or <c>Winsum (Friesland)</c>) means the
    /// likeliest place of that name there.</summary>
    public PlaceMatch? Find(string typed)
    {
        if (_placesByName.GetValueOrDefault(Key(typed)) is { } places)
            return places.Count == 1
                ? new PlaceMatch(places[0].Pc4, null, [])
                : new PlaceMatch(places[0].Pc4, Choice(places, places[0]), places.Skip(1).Select(p => Choice(places, p)).ToList());
        if (SplitQualifier(typed) is not { } split || _placesByName.GetValueOrDefault(Key(split.Name)) is not { } named)
            return null;
        var wanted = Fold(split.Qualifier);
        return named.FirstOrDefault(p => Fold(p.Province) == wanted || Fold(p.Gemeente) == wanted) is { } there
            ? new PlaceMatch(there.Pc4, null, [])
            : null;
    }

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

    /// <summary>Reads <c>id,postcode,woonplaats,alternatieve_schrijfwijzen,gemeente,provincie,…,soort</c>; only areas of
    /// street addresses (<c>Adres</c>) count: PO-box areas have no centre to measure from. Other spellings are separated by
    /// <c>;</c> in the list (a <c>,</c> is accepted too).</summary>
    public static PlaceNames FromCsv(IEnumerable<string> lines)
    {
        // A place is a woonplaats in a gemeente: the same name in two gemeenten is two places.
        var areas = new Dictionary<(string Name, string Gemeente, string Province), SortedSet<string>>();
        var names = new Dictionary<string, HashSet<(string, string, string)>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var fields = SplitCsv(line);
            if (fields.Count < 10 || fields[9] != "Adres" || fields[1].Length != 4)
                continue;
            var place = (fields[2], fields[4], fields[5]);
            if (!areas.TryGetValue(place, out var pc4s))
                areas[place] = pc4s = new SortedSet<string>(StringComparer.Ordinal);
            pc4s.Add(fields[1]);
            foreach (var name in fields[3].Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Prepend(fields[2]))
            {
                var key = Key(name);
                if (key.Length == 0)
                    continue;
                if (!names.TryGetValue(key, out var known))
                    names[key] = known = [];
                known.Add(place);
            }
        }
        return new PlaceNames(names.ToDictionary(n => n.Key, n => (IReadOnlyList<Place>)n.Value
            .Select(p => new Place(p.Item1, p.Item2, p.Item3, areas[p].Min!, areas[p].Count))
            // Likeliest first: the place its gemeente is named after (Winsum in gemeente Winsum), else the bigger one
            // (more areas), else the lowest area as before.
            .OrderByDescending(p => Key(p.Gemeente) == n.Key)
            .ThenByDescending(p => p.Areas)
            .ThenBy(p => p.Pc4, StringComparer.Ordinal)
            .ToList(), StringComparer.Ordinal));
    }

    /// <summary>A place as offered to choose: named by its province, or by its gemeente when another place of the name lies
    /// in the same province (Nes in Friesland twice).</summary>
    private static PlaceChoice Choice(IReadOnlyList<Place> places, Place place) =>
        new(place.Name, places.Count(p => Fold(p.Province) == Fold(place.Province)) > 1 && place.Gemeente.Length > 0
            ? place.Gemeente
            : place.Province);

    /// <summary>"Name, Qualifier" or "Name (Qualifier)", or null.</summary>
    private static (string Name, string Qualifier)? SplitQualifier(string typed)
    {
        var text = typed.Trim();
        if (text.EndsWith(')') && text.LastIndexOf('(') is > 0 and var open)
            return (text[..open], text[(open + 1)..^1]);
        return text.LastIndexOf(',') is > 0 and var comma ? (text[..comma], text[(comma + 1)..]) : null;
    }

    private static string Key(string place) => place.Trim().ToLower(CultureInfo.InvariantCulture);

    /// <summary>A province or gemeente as compared: without case, and Fryslân (the province's Frisian name, also in some
    /// lists; typed without its accent too) is Friesland.</summary>
    private static string Fold(string name) => Key(name) is "fryslân" or "fryslan" ? "friesland" : Key(name);

    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
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

    private sealed record Place(string Name, string Gemeente, string Province, string Pc4, int Areas);
}

/// <summary>What a typed place name means: the PC4 to search around and, when the name has several places and none was
/// named, which one was taken and the others to offer.</summary>
public sealed record PlaceMatch(string Pc4, PlaceChoice? Taken, IReadOnlyList<PlaceChoice> Others);

/// <summary>One place of an ambiguous name, told apart by its province (or gemeente).</summary>
public sealed record PlaceChoice(string Name, string Qualifier)
{
    /// <summary>As shown: <c>Winsum (Friesland)</c>.</summary>
    public string Shown => $"{Name} ({Qualifier})";

    /// <summary>As searched for again: <c>Winsum, Friesland</c>.</summary>
    public string Typed => $"{Name}, {Qualifier}";
}

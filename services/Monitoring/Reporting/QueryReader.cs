using System.Globalization;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Contracts.Codes;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Monitoring.Reporting;

/// <summary>
/// Reads a report's query string while collecting every problem (unknown keys, bad dates, unknown
/// dimensions...), so one 400 names them all.
/// </summary>
public sealed class QueryReader
{
    private readonly Dictionary<string, StringValues> _query;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);

    public QueryReader(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        _query = query.ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);
    }

    public Validator Errors { get; } = new();

    public bool Has(string key)
    {
        _known.Add(key);
        return _query.ContainsKey(key);
    }

    /// <summary>Comma-separated values; a key given twice adds up. Empty items are an error.</summary>
    public string[]? List(string key)
    {
        if (!Has(key)) return null;
        var items = _query[key].SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim()).ToArray();
        if (items.Length == 0 || items.Any(i => i.Length == 0))
        {
            Errors.Add(key, InvalidParamCodes.Invalid, "Lege waarde; geef een of meer waarden, gescheiden door komma's.");
            return null;
        }
        return items.Distinct(StringComparer.Ordinal).ToArray();
    }

    public string? Single(string key)
    {
        if (!Has(key)) return null;
        var values = _query[key];
        if (values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
        {
            Errors.Add(key, InvalidParamCodes.Invalid, "Geef precies één waarde.");
            return null;
        }
        return values[0]!.Trim();
    }

    public DateOnly? Date(string key, bool required)
    {
        var text = Single(key);
        if (text is null)
        {
            if (required && !_query.ContainsKey(key))
                Errors.Add(key, InvalidParamCodes.Required, "Verplichte parameter (JJJJ-MM-DD).");
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return Errors.Date(key, date) ? date : null;
        Errors.Add(key, InvalidParamCodes.Invalid, "Geen geldige datum: gebruik JJJJ-MM-DD.");
        return null;
    }

    /// <summary>A date range; from after to is named on <c>from</c>.</summary>
    public (DateOnly From, DateOnly To)? Range(string fromKey = "from", string toKey = "to")
    {
        var from = Date(fromKey, required: true);
        var to = Date(toKey, required: true);
        if (from is null || to is null) return null;
        if (from > to)
        {
            Errors.Add(fromKey, InvalidParamCodes.OutOfRange, $"'{fromKey}' ligt na '{toKey}'.");
            return null;
        }
        return (from.Value, to.Value);
    }

    /// <summary>The grouping dimensions, each one of <paramref name="allowed"/>, none twice.</summary>
    public IReadOnlyList<Dimension> GroupBy(IReadOnlyList<Dimension> allowed, string key = "groupBy")
    {
        var names = List(key);
        if (names is null) return [];
        var result = new List<Dimension>();
        foreach (var name in names)
        {
            var dimension = allowed.FirstOrDefault(d => d.Name == name);
            if (dimension is null)
                Errors.Add(key, InvalidParamCodes.NotAllowed,
                    $"Onbekende dimensie '{name}'; toegestaan: {string.Join(", ", allowed.Select(d => d.Name))}.");
            else result.Add(dimension);
        }
        return result.Distinct().OrderBy(d => Dimension.All.ToList().IndexOf(d)).ToList();
    }

    /// <summary>Filters named after dimensions: <c>province=Utrecht,Flevoland</c>.</summary>
    public IReadOnlyDictionary<Dimension, string[]> Filters(IReadOnlyList<Dimension> allowed)
    {
        var filters = new Dictionary<Dimension, string[]>();
        foreach (var dimension in allowed)
        {
            var values = List(dimension.Name);
            if (values is null) continue;
            if (dimension == Dimension.Organisation && values.Any(v => !Guid.TryParse(v, out _)))
            {
                Errors.Add(dimension.Name, InvalidParamCodes.Invalid, "Geen geldige UUID.");
                continue;
            }
            // The twelve provinces never change, so a name outside them is a typo, not a filter that finds nothing.
            if (dimension == Dimension.Province && values.FirstOrDefault(v => !Provinces.IsKnown(v)) is { } unknown)
            {
                Errors.Add(dimension.Name, InvalidParamCodes.Invalid,
                    $"Onbekende provincie '{unknown}'; toegestaan: {string.Join(", ", Provinces.All)}.");
                continue;
            }
            filters[dimension] = dimension == Dimension.Organisation
                ? values.Select(v => Guid.Parse(v).ToString()).Distinct().ToArray()
                : values;
        }
        return filters;
    }

    /// <summary>Call last: every key nobody asked for is an error.</summary>
    public void RejectUnknown()
    {
        foreach (var key in _query.Keys.Where(k => !_known.Contains(k)).Order(StringComparer.Ordinal))
            Errors.Add(key, InvalidParamCodes.Unknown,
                $"Onbekende parameter; toegestaan: {string.Join(", ", _known.Order(StringComparer.Ordinal))}.");
    }
}

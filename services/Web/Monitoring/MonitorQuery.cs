using System.Globalization;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Web.Monitoring;

/// <summary>What the dashboard shows, read from its URL (so a link shows the same): a date range, a period split, one
/// grouping and filters. The keys are the monitoring API's own, so the API query is the same words; keys the page does
/// not know are left out of it. Every problem is named at once, in the person's words.</summary>
public sealed record MonitorQuery(
    string From,
    string To,
    string Period,
    string GroupBy,
    IReadOnlyDictionary<string, string> Filters)
{
    public const string WholeRange = "geheel";

    /// <summary>The period splits the page offers (the API also knows day and week; too fine for a dashboard).</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Periods =
        [("quarter", "Kwartaal"), ("month", "Maand"), ("year", "Jaar"), (WholeRange, "Hele periode")];

    /// <summary>The groupings the page offers, with the column heading each gets.</summary>
    public static readonly IReadOnlyList<(string Value, string Label)> Groupings =
    [
        ("province", "Provincie"), ("municipality", "Gemeente"), ("topic", "Onderwerp"), ("agency", "Betrokken organisatie"),
        ("channel", "Kanaal"), ("durationBand", "Duur"), ("helpGiven", "Geboden hulp"),
    ];

    /// <summary>The filters the page offers (each a single value; empty = all).</summary>
    public static readonly IReadOnlyList<string> FilterKeys = ["province", "topic", "agency", "channel"];

    public static string LabelOf(string key) => key switch
    {
        "from" => "Van",
        "to" => "Tot en met",
        "period" => "Per",
        "groupBy" => "Indeling",
        _ => Groupings.FirstOrDefault(g => g.Value == key).Label ?? key,
    };

    public static string GroupingLabel(string value) => Groupings.FirstOrDefault(g => g.Value == value).Label ?? value;

    /// <summary>The page's default when the URL says nothing: this year so far, per quarter, per province.</summary>
    public static MonitorQuery Default(DateOnly today) =>
        new(Iso(new DateOnly(today.Year, 1, 1)), Iso(today), "quarter", "province", new Dictionary<string, string>());

    /// <summary>Reads the URL; a key left out takes the default. Returns the problems by key (none: the query is good).</summary>
    public static (MonitorQuery Query, IReadOnlyList<(string Key, string Reason)> Errors) Read(
        IEnumerable<KeyValuePair<string, StringValues>> url, DateOnly today)
    {
        var given = url.ToDictionary(p => p.Key, p => p.Value.ToString().Trim(), StringComparer.Ordinal);
        var defaults = Default(today);
        string Take(string key, string fallback) => given.TryGetValue(key, out var v) ? v : fallback;

        var query = new MonitorQuery(
            Take("from", defaults.From), Take("to", defaults.To), Take("period", defaults.Period), Take("groupBy", defaults.GroupBy),
            FilterKeys.Where(k => given.TryGetValue(k, out var v) && v.Length > 0).ToDictionary(k => k, k => given[k]));

        var errors = new List<(string, string)>();
        var from = Date(query.From, "from", errors);
        var to = Date(query.To, "to", errors);
        if (from is not null && to is not null && from > to)
            errors.Add(("from", $"'Van' ({Dutch(from.Value)}) ligt na 'tot en met' ({Dutch(to.Value)}). Kies een begindatum vóór de einddatum."));
        if (Periods.All(p => p.Value != query.Period))
            errors.Add(("period", $"Onbekende periode '{query.Period}'. Kies kwartaal, maand, jaar of hele periode."));
        if (Groupings.All(g => g.Value != query.GroupBy))
            errors.Add(("groupBy", $"Onbekende indeling '{query.GroupBy}'. Kies een indeling uit de lijst."));
        return (query, errors);
    }

    /// <summary>The monitoring API's query string for the counts (the same keys; the whole range has no period).</summary>
    public string CountsApiQuery() => Encode([
        ("from", From), ("to", To), .. (Period == WholeRange ? Array.Empty<(string, string)>() : [("period", Period)]), ("groupBy", GroupBy),
        .. Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)),
    ]);

    /// <summary>The referral funnel per agency for the same range; only the filters the referral report knows.</summary>
    public string OutcomesApiQuery() => Encode([
        ("from", From), ("to", To), ("groupBy", "agency"),
        .. Filters.Where(f => f.Key is "province" or "topic" or "agency").OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)),
    ]);

    /// <summary>This query as the page's own URL query (for the CSV link and shared links).</summary>
    public string PageQuery() => Encode([
        ("from", From), ("to", To), ("period", Period), ("groupBy", GroupBy),
        .. Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value)),
    ]);

    public string? Filter(string key) => Filters.GetValueOrDefault(key);

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly? Date(string text, string key, List<(string, string)> errors)
    {
        if (text.Length == 0)
        {
            errors.Add((key, "Verplicht: kies een datum."));
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return day;
        errors.Add((key, $"'{text}' is geen datum; gebruik de vorm JJJJ-MM-DD, bijvoorbeeld 2026-01-31."));
        return null;
    }

    private static string Dutch(DateOnly day) => day.ToString("d-M-yyyy", CultureInfo.InvariantCulture);

    private static string Encode(IEnumerable<(string Key, string Value)> pairs) =>
        string.Join("&", pairs.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
}

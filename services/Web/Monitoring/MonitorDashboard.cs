using IdoPlatform.BuildingBlocks.Domain;
using System.Globalization;
using System.Text.Json;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Monitoring;

/// <summary>Builds the dashboard for a query from the monitoring API (counts, referral outcomes, freshness) with the
/// session's token: the API decides what the account may see (national and suppressed, or its own organisation).</summary>
public sealed class MonitorDashboard(PlatformApi api, DeskCodes codes, MunicipalityNames municipalities, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> ProvinceNames =
    [
        "Drenthe", "Flevoland", "Fryslân", "Gelderland", "Groningen", "Limburg", "Noord-Brabant", "Noord-Holland",
        "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
    ];

    private sealed record FreshnessDto(DateTimeOffset CheckedAt, DateTimeOffset? LastRecordedAt, IReadOnlyList<ProjectionDto> Projections);

    private sealed record ProjectionDto(string Name, long EventsBehind, double SecondsBehind);

    private sealed record OrganisationDto(string Name);

    public DateOnly Today => DutchCalendar.DayOf(clock.GetUtcNow());

    public async Task<MonitorView> BuildAsync(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> url,
        CurrentAccount account, CancellationToken ct)
    {
        var (query, errors) = MonitorQuery.Read(url, Today);
        var book = await codes.GetAsync(ct);
        var audience = await AudienceAsync(account, ct);
        var choices = Choices(book);
        if (errors.Count > 0)
            return new MonitorView(query, errors, audience, choices, null, null, null, null);

        var countsCall = api.GetAsync(PlatformApi.Monitoring, "monitoring/v1/question-counts?" + query.CountsApiQuery(), ct);
        var outcomesCall = api.GetAsync(PlatformApi.Monitoring, "monitoring/v1/referral-outcomes?" + query.OutcomesApiQuery(), ct);
        var freshnessCall = api.GetAsync(PlatformApi.Monitoring, "monitoring/v1/freshness", ct);
        var names = await municipalities.GetAsync(ct);
        var (counts, outcomes, freshness) = (await countsCall, await outcomesCall, await freshnessCall);

        if (counts.IsUnavailable)
            return new MonitorView(query, [], audience, choices, null, null, null,
                "De monitoringdienst antwoordt nu niet. Probeer het over een paar minuten opnieuw.");
        if (!counts.IsSuccess)
            return new MonitorView(query, ProblemErrors(counts), audience, choices, null, null, null, null);

        var labels = new GroupLabels(book, names);
        return new MonitorView(query, [], audience, choices,
            ReadCounts(counts.Body, query, labels),
            outcomes.IsSuccess ? ReadOutcomes(outcomes.Body, labels) : null,
            freshness.IsSuccess ? FreshnessText(freshness.Read<FreshnessDto>()) : null,
            null);
    }

    /// <summary>The API's 400 (a query the page let through but the API refused, e.g. too many rows) by field.</summary>
    private static IReadOnlyList<(string, string)> ProblemErrors(ApiAnswer answer) =>
        answer.Problem?.InvalidParams is { Count: > 0 } invalid
            ? invalid.Select(p => (p.Name, p.Reason)).ToList()
            : [("", answer.Problem?.Detail ?? answer.Problem?.Title ?? $"De monitoringdienst weigerde deze vraag ({answer.Status}).")];

    private async Task<MonitorAudience> AudienceAsync(CurrentAccount account, CancellationToken ct)
    {
        if (account.Role is not Roles.LibraryAdmin || account.OrganisationId is not { } organisation)
            return new MonitorAudience(true, null);
        var answer = await api.GetAsync(PlatformApi.Offers, $"offers/v1/organisations/{organisation}", ct);
        return new MonitorAudience(false, answer.IsSuccess ? answer.Read<OrganisationDto>().Name : "uw organisatie");
    }

    private static MonitorChoices Choices(CodeBook? book)
    {
        IReadOnlyList<(string, string)> Of(string list) => book?.Options(list).Select(c => (c.Code, c.Label)).ToList() ?? [];
        return new MonitorChoices(ProvinceNames.Select(p => (p, p)).ToList(), Of(DeskCodes.Topics),
            [.. Of(DeskCodes.Organisations), ("none", "Geen")], Of(DeskCodes.Channels));
    }

    private static CountsTable ReadCounts(string body, MonitorQuery query, GroupLabels labels)
    {
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var rows = new List<CountsRow>();
        foreach (var row in root.GetProperty("rows").EnumerateArray())
        {
            var suppressed = row.GetProperty("suppressed").GetBoolean();
            var value = row.TryGetProperty(query.GroupBy, out var v) ? v.GetString() : null;
            rows.Add(new CountsRow(PeriodText(row.GetProperty("period").GetString() ?? ""), labels.Of(query.GroupBy, value),
                Number(row, "visits"), Number(row, "questions"), suppressed));
        }
        var suppression = root.GetProperty("suppression");
        // The API orders by period, then by code; a person looks for a name. Duration bands keep their code order (by length).
        var ordered = query.GroupBy == "durationBand" ? rows
            : rows.GroupBy(r => r.Period).SelectMany(g => g.OrderBy(r => r.Group, StringComparer.Ordinal)).ToList();
        return new CountsTable(MonitorQuery.GroupingLabel(query.GroupBy), ordered, suppression.GetProperty("applied").GetBoolean(),
            suppression.GetProperty("suppressedCells").GetInt32(), suppression.GetProperty("minimumVisits").GetInt32(),
            ShowPeriod: query.Period != MonitorQuery.WholeRange);
    }

    private static OutcomesTable ReadOutcomes(string body, GroupLabels labels)
    {
        using var json = JsonDocument.Parse(body);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().Select(r => new OutcomeRow(
            labels.Of("agency", r.GetProperty("agency").GetString()),
            r.GetProperty("issued").GetInt64(), r.GetProperty("arrived").GetInt64(), r.GetProperty("expired").GetInt64(),
            r.GetProperty("cancelled").GetInt64(), r.GetProperty("open").GetInt64(), r.GetProperty("arrivalRate").GetDouble())).ToList();
        return new OutcomesTable(rows);
    }

    private static long? Number(JsonElement row, string name) =>
        row.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december"];

    /// <summary>The API's ISO period label in Dutch: 2026-Q1 → "1e kwartaal 2026", 2026-03 → "maart 2026", a range
    /// 2026-01-01/2026-03-31 → "1 januari 2026 t/m 31 maart 2026".</summary>
    public static string PeriodText(string iso)
    {
        var parts = iso.Split('/');
        if (parts.Length == 2 && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", out var from) && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", out var to))
            return $"{from.Day} {Months[from.Month - 1]} {from.Year} t/m {to.Day} {Months[to.Month - 1]} {to.Year}";
        if (iso.Length == 7 && iso[4] == '-' && iso[5] == 'Q')
            return $"{iso[6]}e kwartaal {iso[..4]}";
        if (iso.Length == 7 && iso[4] == '-' && int.TryParse(iso[5..], out var month) && month is >= 1 and <= 12)
            return $"{Months[month - 1]} {iso[..4]}";
        return iso;
    }

    /// <summary>"Bijgewerkt tot …": up to the moment the projection had counted everything recorded before it.</summary>
    private static string FreshnessText(FreshnessDto freshness)
    {
        var behind = freshness.Projections.FirstOrDefault();
        var upTo = behind is { EventsBehind: > 0 } ? freshness.CheckedAt.AddSeconds(-behind.SecondsBehind) : freshness.CheckedAt;
        var local = DutchTime.Local(upTo);
        var text = $"Bijgewerkt tot {DutchTime.DayName(DateOnly.FromDateTime(local))} {local.Year}, {DutchTime.Clock(upTo)}";
        return behind is { EventsBehind: > 0 }
            ? text + $" (nog {behind.EventsBehind.ToString(CultureInfo.InvariantCulture)} {(behind.EventsBehind == 1 ? "melding" : "meldingen")} te verwerken)"
            : text;
    }

    /// <summary>Dutch labels for the values of a grouping.</summary>
    private sealed class GroupLabels(CodeBook? book, IReadOnlyDictionary<string, string> municipalities)
    {
        public string Of(string grouping, string? value)
        {
            if (value is null)
                return "Totaal";
            return grouping switch
            {
                "municipality" => municipalities.TryGetValue(value, out var name) ? name : value,
                "topic" => book?.Label(DeskCodes.Topics, value) ?? value,
                "agency" => value == "none" ? "Geen" : book?.Label(DeskCodes.Organisations, value) ?? value,
                "channel" => book?.Label(DeskCodes.Channels, value) ?? value,
                "durationBand" => book?.Label(DeskCodes.DurationBands, value) ?? value,
                "helpGiven" => book?.Label(DeskCodes.HelpGiven, value) ?? value,
                _ => value,
            };
        }
    }
}

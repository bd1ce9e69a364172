using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;

namespace IdoPlatform.Monitoring.Features.QuestionCounts;

/// <summary>
/// The query parameters as the OpenAPI document shows them. The handler reads the query string itself
/// (through <see cref="QuestionCountsQuery.Parse"/>) so one 400 can name every problem, unknown keys included.
/// </summary>
public sealed class QuestionCountsParameters
{
    [Description("Eerste dag (JJJJ-MM-DD), verplicht.")] [FromQuery(Name = "from")] public string? From { get; set; }
    [Description("Laatste dag, inclusief (JJJJ-MM-DD), verplicht.")] [FromQuery(Name = "to")] public string? To { get; set; }
    [Description("day, week, month, quarter of year; zonder: het hele bereik als één periode.")] [FromQuery(Name = "period")] public string? Period { get; set; }
    [Description("Komma-gescheiden: province, municipality, organisation, location, topic, domain, agency, channel, durationBand, helpGiven.")]
    [FromQuery(Name = "groupBy")] public string? GroupBy { get; set; }
    [Description("Filter op provincie (komma-gescheiden).")] [FromQuery(Name = "province")] public string? Province { get; set; }
    [Description("Filter op CBS-gemeentecode, bijvoorbeeld GM0546.")] [FromQuery(Name = "municipality")] public string? Municipality { get; set; }
    [Description("Filter op organisatie-id (UUID).")] [FromQuery(Name = "organisation")] public string? Organisation { get; set; }
    [Description("Filter op locatie-id.")] [FromQuery(Name = "location")] public string? Location { get; set; }
    [Description("Filter op onderwerp (code).")] [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [Description("Filter op domein.")] [FromQuery(Name = "domain")] public string? Domain { get; set; }
    [Description("Filter op betrokken organisatie (NPD-code, gemeente, other of none).")] [FromQuery(Name = "agency")] public string? Agency { get; set; }
    [Description("Filter op kanaal.")] [FromQuery(Name = "channel")] public string? Channel { get; set; }
    [Description("Filter op duurklasse.")] [FromQuery(Name = "durationBand")] public string? DurationBand { get; set; }
    [Description("Filter op geboden hulp.")] [FromQuery(Name = "helpGiven")] public string? HelpGiven { get; set; }
}

using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Monitoring.Features.ReferralOutcomes;

public sealed class ReferralOutcomesParameters
{
    [Description("Eerste uitgiftedag (JJJJ-MM-DD), verplicht.")] [FromQuery(Name = "from")] public string? From { get; set; }
    [Description("Laatste uitgiftedag, inclusief (JJJJ-MM-DD), verplicht.")] [FromQuery(Name = "to")] public string? To { get; set; }
    [Description("Komma-gescheiden: agency, topic, province.")] [FromQuery(Name = "groupBy")] public string? GroupBy { get; set; }
    [Description("Filter op NPD-organisatiecode.")] [FromQuery(Name = "agency")] public string? Agency { get; set; }
    [Description("Filter op onderwerp.")] [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [Description("Filter op provincie.")] [FromQuery(Name = "province")] public string? Province { get; set; }
}

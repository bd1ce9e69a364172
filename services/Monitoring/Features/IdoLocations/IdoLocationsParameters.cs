using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Monitoring.Features.IdoLocations;

public sealed class IdoLocationsParameters
{
    [Description("De dag (JJJJ-MM-DD); standaard vandaag.")] [FromQuery(Name = "date")] public string? Date { get; set; }
    [Description("Komma-gescheiden: province, municipality.")] [FromQuery(Name = "groupBy")] public string? GroupBy { get; set; }
    [Description("Filter op provincie.")] [FromQuery(Name = "province")] public string? Province { get; set; }
    [Description("Filter op CBS-gemeentecode.")] [FromQuery(Name = "municipality")] public string? Municipality { get; set; }
}

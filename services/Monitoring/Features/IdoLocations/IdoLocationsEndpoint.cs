using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Features.IdoLocations;

public static class IdoLocationsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/ido-locations", Handle)
            .RequireRoles([.. Roles.All]) // public counts: every signed-in account
            .WithName("getIdoLocations")
            .WithTags("Locaties")
            .WithSummary("Aantal open IDO-locaties op een dag, in en buiten de bibliotheek")
            .WithDescription("""
                Telt de locaties met een open IDO op `date` (standaard vandaag), per provincie en/of gemeente
                (`groupBy=province,municipality`), met hoeveel daarvan in een bibliotheek zitten en hoeveel
                erbuiten. `Accept: text/csv` geeft CSV.
                """)
            .Produces<IdoLocationsDocument>(StatusCodes.Status200OK, "application/json", ReportWriter.CsvMediaType);

    private static async Task<IResult> Handle([AsParameters] IdoLocationsParameters _, HttpRequest request,
        IdoLocationsReport report, TimeProvider clock, CancellationToken ct)
    {
        var (query, errors) = IdoLocationsQuery.Parse(request.Query, DutchCalendar.Today(clock));
        if (query is null) return errors.Problem();
        return ReportWriter.Result(await report.Run(query, ct), request);
    }
}

public sealed class IdoLocationsParameters
{
    [Description("De dag (JJJJ-MM-DD); standaard vandaag.")] [FromQuery(Name = "date")] public string? Date { get; set; }
    [Description("Komma-gescheiden: province, municipality.")] [FromQuery(Name = "groupBy")] public string? GroupBy { get; set; }
    [Description("Filter op provincie.")] [FromQuery(Name = "province")] public string? Province { get; set; }
    [Description("Filter op CBS-gemeentecode.")] [FromQuery(Name = "municipality")] public string? Municipality { get; set; }
}

public sealed record IdoLocationsDocument(
    DateOnly Date,
    IReadOnlyList<string> GroupBy,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<IdoLocationsRow> Rows);

public sealed record IdoLocationsRow(string? Province, string? Municipality, long OpenLocations, long InsideLibrary, long OutsideLibrary);

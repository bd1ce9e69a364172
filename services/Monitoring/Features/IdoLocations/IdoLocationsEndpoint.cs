using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Security;
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
            .Produces<IdoLocationsResponse>(StatusCodes.Status200OK, "application/json", ReportWriter.CsvMediaType);

    private static async Task<IResult> Handle([AsParameters] IdoLocationsParameters _, HttpRequest request,
        IdoLocationsReport report, TimeProvider clock, CancellationToken ct)
    {
        var (query, errors) = IdoLocationsQuery.Parse(request.Query, DutchCalendar.Today(clock));
        if (query is null) return errors.Problem();
        return ReportWriter.Result(await report.Run(query, ct), request);
    }
}

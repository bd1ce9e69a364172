using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Features.QuestionCounts;

public static class QuestionCountsEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/question-counts", Handle)
            .RequireRoles(ReportAudience.QuestionCountRoles)
            .WithName("getQuestionCounts")
            .WithTags("Vragen")
            .WithSummary("Aantallen bezoeken en vragen per periode en gekozen indeling")
            .WithDescription("""
                Telt bezoeken en vragen van `from` tot en met `to` (kalenderdagen in Nederlandse tijd),
                per `period` en per dimensie uit `groupBy`. Elke dimensie is ook een filter
                (komma-gescheiden waarden, bijvoorbeeld `province=Utrecht,Flevoland`).
                Een gecorrigeerd bezoek telt met zijn gecorrigeerde waarden; een ingetrokken bezoek telt niet.
                Een bezoek telt één keer per cel, ook als meerdere vragen erin vallen.
                Voor landelijke rollen worden cellen met minder dan 5 bezoeken bij een indeling fijner dan
                provincie onderdrukt (`visits` en `questions` null, `suppressed` true), met aanvullende
                onderdrukking zodat totalen ze niet verraden. Een bibliotheekorganisatie ziet alleen haar
                eigen locaties, zonder onderdrukking. `Accept: text/csv` geeft CSV (RFC 4180, UTF-8).
                """)
            .Produces<QuestionCountsResponse>(StatusCodes.Status200OK, "application/json", ReportWriter.CsvMediaType);

    private static async Task<IResult> Handle([AsParameters] QuestionCountsParameters _, HttpRequest request,
        CurrentAccount account, QuestionCountsReport report, CancellationToken ct)
    {
        var audience = ReportAudience.For(account);
        var (query, errors) = QuestionCountsQuery.Parse(request.Query);
        if (query is null) return errors.Problem();

        if (audience.OwnOrganisation is { } own)
        {
            if (query.Filters.TryGetValue(Dimension.Organisation, out var asked) && asked.Any(o => o != own.ToString()))
                return Problems.Forbidden("U ziet alleen de cijfers van uw eigen organisatie.");
            // Another organisation's location is refused as its organisation is, not answered with an empty table.
            if (query.Filters.TryGetValue(Dimension.Location, out var locations) && await report.AnyOfAnotherOrganisation(locations, own, ct))
                return Problems.Forbidden("U ziet alleen de cijfers van de locaties van uw eigen organisatie.");
            query = query.ForOrganisation(own);
        }

        var table = await report.Run(query, audience.Suppressed, ct);
        if (table is null)
            return Problems.Validation([
                new InvalidParam("groupBy", InvalidParamCodes.OutOfRange,
                    $"Deze indeling geeft meer dan 100.000 rijen; kies minder dimensies, een grovere periode of een korter bereik."),
            ]);
        return ReportWriter.Result(table, request);
    }
}

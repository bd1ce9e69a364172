using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Features.ReferralOutcomes;

public static class ReferralOutcomesEndpoint
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/referral-outcomes", Handle)
            .RequireRoles(ReportAudience.ReferralOutcomeRoles)
            .WithName("getReferralOutcomes")
            .WithTags("Verwijzingen")
            .WithSummary("Uitkomsten van verwijzingen: uitgegeven, aangekomen, verlopen, ingetrokken")
            .WithDescription("""
                Verwijzingen uitgegeven van `from` tot en met `to`, met hoe ze afliepen en het aandeel dat bij
                een IDO aankwam (`arrivalRate`). Indeling en filters: agency, topic, province.
                Een organisatie van de NPD ziet alleen haar eigen verwijzingen; een bibliotheekorganisatie alleen
                de verwijzingen naar haar eigen locaties. `Accept: text/csv` geeft CSV.
                """)
            .Produces<ReferralOutcomesResponse>(StatusCodes.Status200OK, "application/json", ReportWriter.CsvMediaType);

    private static async Task<IResult> Handle([AsParameters] ReferralOutcomesParameters _, HttpRequest request,
        CurrentAccount account, ReferralOutcomesReport report, CancellationToken ct)
    {
        var audience = ReportAudience.For(account);
        var (query, errors) = ReferralOutcomesQuery.Parse(request.Query);
        if (query is null) return errors.Problem();

        if (audience.OwnAgency is { } agency)
        {
            if (query.Filters.TryGetValue(Dimension.Agency, out var asked) && asked.Any(a => a != agency))
                return Problems.Forbidden("U ziet alleen de verwijzingen van uw eigen organisatie.");
            query = query with { Filters = new Dictionary<Dimension, string[]>(query.Filters) { [Dimension.Agency] = [agency] } };
        }
        return ReportWriter.Result(await report.Run(query, audience.OwnOrganisation, ct), request);
    }
}

using Microsoft.AspNetCore.Mvc;
using System.ComponentModel;
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
            .Produces<ReferralOutcomesDocument>(StatusCodes.Status200OK, "application/json", ReportWriter.CsvMediaType);

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

public sealed class ReferralOutcomesParameters
{
    [Description("Eerste uitgiftedag (JJJJ-MM-DD), verplicht.")] [FromQuery(Name = "from")] public string? From { get; set; }
    [Description("Laatste uitgiftedag, inclusief (JJJJ-MM-DD), verplicht.")] [FromQuery(Name = "to")] public string? To { get; set; }
    [Description("Komma-gescheiden: agency, topic, province.")] [FromQuery(Name = "groupBy")] public string? GroupBy { get; set; }
    [Description("Filter op NPD-organisatiecode.")] [FromQuery(Name = "agency")] public string? Agency { get; set; }
    [Description("Filter op onderwerp.")] [FromQuery(Name = "topic")] public string? Topic { get; set; }
    [Description("Filter op provincie.")] [FromQuery(Name = "province")] public string? Province { get; set; }
}

public sealed record ReferralOutcomesDocument(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<string> GroupBy,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<ReferralOutcomeRow> Rows);

/// <param name="Open">Issued and not yet arrived, expired or cancelled.</param>
/// <param name="ArrivalRate">Arrived divided by issued, rounded to four decimals.</param>
public sealed record ReferralOutcomeRow(
    string? Agency, string? Topic, string? Province,
    long Issued, long Arrived, long Expired, long Cancelled, long Open, double ArrivalRate);

using IdoPlatform.BuildingBlocks.Domain;
using System.Globalization;
using System.Text.RegularExpressions;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Referrals.Replica;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.ListReferrals;

public static partial class ListReferralsEndpoint
{
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T[0-9:.]+(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex HasOffset();

    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/referrals", Handle)
        .RequireRoles(Roles.Agency)
        .WithTags(ReferralsApi.ReferralsTag)
        .WithName("listReferrals")
        .WithSummary("De eigen verwijzingen van een NPD-organisatie, nieuwste eerst")
        .WithDescription("agency: standaard de eigen organisatie; status: issued, arrived, expired of cancelled; " +
            "from/to: uitgiftemoment (datum of datum-tijd met tijdzone), to is exclusief.")
        .Produces<Paged<ReferralResponse>>();

    private static async Task<IResult> Handle(string? agency, string? status, string? from, string? to, PageRequest paging,
        HttpContext http, CurrentAccount account, AgencyCatalogue agencies, ReferralQueries queries,
        ReplicaQueries replica)
    {
        var v = new Validator();
        if (agency is not null) v.Check(agencies.IsKnown(agency), "agency", InvalidParamCodes.Unknown,
            $"Onbekende NPD-organisatie '{agency}'.");
        if (status is not null) v.OneOf("status", status, ReferralStatus.All);
        var fromAt = ParseMoment(from, "from", v);
        var toAt = ParseMoment(to, "to", v);
        if (fromAt is not null && toAt is not null)
            v.Check(fromAt < toAt, "to", InvalidParamCodes.OutOfRange, "Moet na 'from' liggen.");
        if (v.HasErrors) return v.Problem();

        var own = agency ?? account.AgencyCode!;
        if (!account.ActsFor(own)) return Problems.Forbidden("Een NPD-organisatie ziet alleen haar eigen verwijzingen.");

        var ct = http.RequestAborted;
        var (page, total) = await queries.ForAgency(own, status, fromAt, toAt, paging.Page, paging.PageSize, ct);
        var locations = await replica.FindLocations(page.Select(r => r.LocationId).Distinct().ToList(), ct);
        return paging.Result(http, page.Select(r => ReferralResponse.From(r, locations.GetValueOrDefault(r.LocationId))).ToList(), total);
    }

    /// <summary>A date (start of that Dutch day) or a date-time with an offset.</summary>
    private static DateTimeOffset? ParseMoment(string? value, string name, Validator v)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return v.Date(name, day) ? DutchCalendar.StartOf(day) : null;
        if (HasOffset().IsMatch(value)
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
            return v.Date(name, DateOnly.FromDateTime(moment.UtcDateTime)) ? moment.ToUniversalTime() : null; // Npgsql takes UTC only
        v.Add(name, InvalidParamCodes.Invalid, "Een datum (2026-12-03) of datum-tijd met tijdzone (2026-12-03T09:00:00Z).");
        return null;
    }
}

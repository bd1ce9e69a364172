using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Common;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Registrations.Locations;
using IdoPlatform.Registrations.Storage;

namespace IdoPlatform.Registrations.Features.ListVisits;

public static class ListVisitsEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/visits", Handle)
        .RequireRoles(Roles.Desk)
        .Produces<KeysetPage<VisitResponse>>()
        .WithTags(RegistrationsApi.Tag)
        .WithSummary("Bezoeken van uw organisatie")
        .WithDescription("Nieuwste eerst. Filter op locatie en op dag van het bezoek (from en to, beide inclusief, Nederlandse tijd). " +
            "Vervallen bezoeken staan erin met status voided. Bladeren gaat met de next-link (een cursor); er wordt geen totaal geteld.");

    // from and to come before paging, so a bad date and a bad page are each reported (binding stops at the first).
    private static async Task<IResult> Handle(HttpContext http, CurrentAccount account, DateOnly? from, DateOnly? to,
        string? locationId, KeysetPageRequest paging, VisitListQueries visits, LocationReplica locations)
    {
        var ct = http.RequestAborted;
        var v = new Validator();
        // & rather than &&: both dates are checked, so both are named.
        if (v.Date("from", from) & v.Date("to", to) && from is { } start && to is { } end)
            v.Check(end >= start, "to", InvalidParamCodes.OutOfRange, "Moet op of na 'from' liggen.");
        if (v.HasErrors) return v.Problem();
        if (account.OrganisationId is not { } organisation) return Problems.Forbidden();
        if (!string.IsNullOrWhiteSpace(locationId) && await locations.Find(locationId, ct) is { } location
            && !account.Owns(location.OrganisationId))
            return DeskAccess.ForeignLocation();

        var rows = await visits.List(organisation, string.IsNullOrWhiteSpace(locationId) ? null : locationId,
            from is { } f ? DutchCalendar.StartOf(f) : null, to is { } t ? DutchCalendar.StartOf(t.AddDays(1)) : null,
            paging.After, paging.PageSize + 1, ct);
        return paging.Result(http, rows, row => row.Position, row => row.Visit);
    }
}

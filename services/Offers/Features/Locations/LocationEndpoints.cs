using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Domain;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Offers.Features.Search;
using IdoPlatform.Offers.Http;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.Locations;

/// <param name="ClosedOn">Defaults to today; not in the future.</param>
public sealed record CloseLocationRequest(DateOnly? ClosedOn = null, string? Reason = null);

public static class LocationEndpoints
{
    private const int RegisterAttempts = 3;

    public static void MapLocations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations").WithTags("Locaties");

        group.MapGet("", LocationSearchEndpoint.Search).AllowAnonymous()
            .WithName("searchLocations").WithSummary("Zoek locaties, op afstand van een postcode of punt")
            .Produces<Paged<LocationHit>>().ProducesProblem(400);

        group.MapGet("/{locationId}", Get).AllowAnonymous()
            .WithName("getLocation").WithSummary("Eén locatie")
            .Produces<LocationView>().ProducesProblem(400).ProducesProblem(404);

        group.MapGet("/{locationId}/history", History).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithName("getLocationHistory").WithSummary("De gebeurtenissen van een locatie")
            .Produces<IReadOnlyList<HistoryEntry>>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404);

        group.MapPost("", Register).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin).WithIdempotency()
            .WithName("registerLocation").WithSummary("Registreer een locatie; het id wordt uitgegeven")
            .Produces<LocationView>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        group.MapPut("/{locationId}", Change).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithName("changeLocation").WithSummary("Wijzig een locatie (If-Match)")
            .Produces<LocationView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(412).ProducesProblem(428);

        group.MapPost("/{locationId}/close", Close).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithName("closeLocation").WithSummary("Sluit een locatie: verborgen, nooit verwijderd (If-Match)")
            .Produces<LocationView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .ProducesProblem(412).ProducesProblem(428);
    }

    private static async Task<IResult> Get(string locationId, CurrentAccount? account, LocationQueries locations,
        HttpContext http, CancellationToken ct)
    {
        var found = LocationId.IsValid(locationId) ? await locations.Find(locationId, ct) : null;
        if (found is not { } f || (!f.Location.IsPubliclyVisible && !OffersAccess.CanManage(account, f.Location.OrganisationId)))
            return Problems.NotFound($"Locatie {locationId} bestaat niet of is niet zichtbaar.");
        ETags.Set(http.Response, f.Version);
        return TypedResults.Ok(LocationView.From(f.Location));
    }

    private static async Task<IResult> History(string locationId, CurrentAccount account, EventStreams streams, CancellationToken ct)
    {
        var events = LocationId.IsValid(locationId) ? await streams.History(LocationId.StreamId(locationId), ct) : [];
        var state = streams.Fold<Location>(null, events.Select(e => e.Data));
        if (state is null) return NotFound(locationId);
        if (!OffersAccess.CanManage(account, state.OrganisationId)) return Problems.Forbidden("Dit is niet een locatie van uw organisatie.");
        return TypedResults.Ok(HistoryEntry.From(events));
    }

    private static readonly Guid ClaimIds = Guid.Parse("5b1c9e27-8d40-4f6a-b3e2-7a9d0c4f1e68");

    private static async Task<IResult> Register(LocationRequest request, CurrentAccount account, EventStreams streams,
        OrganisationQueries organisations, LocationQueries locations, Pc4Lookup postcodes, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var organisationId = request.OrganisationId ?? account.OrganisationId;
        var organisation = organisationId is { } id ? await organisations.Find(id, ct) : null;
        if (organisationId is null) v.Missing("organisationId");
        else if (organisation is null) v.Unknown("organisationId", $"Onbekende organisatie {organisationId}.");
        var (facts, errors) = request.Validate(postcodes, v);
        if (errors.HasErrors) return errors.Problem(Detail(errors));
        var org = organisation!.Value.Organisation;
        if (!OffersAccess.CanManage(account, org.OrganisationId))
            return Problems.Forbidden("U beheert alleen de locaties van uw eigen organisatie.");

        var key = http.Request.Headers[ApiHeaders.IdempotencyKey].ToString();
        Guid? claimId = key.Length == 0 ? null : DeterministicGuid.Create(ClaimIds, $"{account.AccountId}/{key}");
        for (var attempt = 1; ; attempt++)
        {
            if (claimId is { } claimed && await streams.Load<LocationClaim>(claimed, ct) is { } claim)
                return await Created(claim.State.LocationId, streams, http, ct); // this request registered it before

            var locationId = LocationId.Format(org.Number, await locations.NextBranch(org.Number, ct));
            var decision = LocationDecisions.Register(null, locationId, org.OrganisationId, org.Name, facts!);
            var streamId = LocationId.StreamId(locationId);
            try
            {
                var version = claimId is { } claiming
                    ? await streams.Start<Location, LocationClaim>(streamId, decision.Events, claiming,
                        new LocationRequestClaimed(claiming, locationId), RequestAppendContext.For(http, account), ct)
                    : await streams.Start<Location>(streamId, decision.Events, RequestAppendContext.For(http, account), ct);
                ETags.Set(http.Response, version);
                return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{locationId}",
                    LocationView.From(streams.Fold<Location>(null, decision.Events)!));
            }
            catch (ConcurrencyException) when (attempt < RegisterAttempts)
            {
                // Another registration took this branch number a moment ago (take the next one), or the same request
                // ran twice at once (then the claim is there now).
            }
        }
    }

    /// <summary>The answer to a repeated registration: the location it made, as it is now.</summary>
    private static async Task<IResult> Created(string locationId, EventStreams streams, HttpContext http, CancellationToken ct)
    {
        var location = await streams.Load<Location>(LocationId.StreamId(locationId), ct);
        ETags.Set(http.Response, location!.Version);
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{locationId}", LocationView.From(location.State));
    }

    private static async Task<IResult> Change(string locationId, LocationRequest request, CurrentAccount account,
        EventStreams streams, OrganisationQueries organisations, Pc4Lookup postcodes, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        if (!LocationId.IsValid(locationId)) return NotFound(locationId);
        var written = await streams.Change<Location>(LocationId.StreamId(locationId), async (state, _) =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(NotYours());
            var v = new Validator();
            if (request.OrganisationId is { } moved && moved != state.OrganisationId)
                v.Invalid("organisationId", "Een locatie verhuist niet naar een andere organisatie.");
            var (facts, errors) = request.Validate(postcodes, v);
            if (errors.HasErrors) return Decision.Stop(errors.Problem(Detail(errors)));
            var organisationName = (await organisations.Find(state.OrganisationId, ct))?.Organisation.Name ?? state.OrganisationName;
            return LocationDecisions.Change(state, organisationName, facts!);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, NotFoundText(locationId), LocationView.From);
    }

    private static async Task<IResult> Close(string locationId, [FromBody] CloseLocationRequest? request, CurrentAccount account,
        EventStreams streams, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        if (!LocationId.IsValid(locationId)) return NotFound(locationId);
        var written = await streams.Change<Location>(LocationId.StreamId(locationId), state =>
        {
            if (!OffersAccess.CanManage(account, state.OrganisationId)) return Decision.Stop(NotYours());
            var today = DutchCalendar.Today(clock);
            var v = new Validator();
            v.Check(request?.ClosedOn is null || request.ClosedOn <= today, "closedOn", InvalidParamCodes.OutOfRange, "Ligt in de toekomst.");
            v.MaxLength("reason", request?.Reason, 500);
            return v.HasErrors
                ? Decision.Stop(v.Problem())
                : LocationDecisions.Close(state, request?.ClosedOn ?? today, request?.Reason?.Trim());
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, NotFoundText(locationId), LocationView.From);
    }

    private static string NotFoundText(string locationId) => $"Locatie {locationId} bestaat niet.";

    private static IResult NotFound(string locationId) => Problems.NotFound(NotFoundText(locationId));

    private static IResult NotYours() => Problems.Forbidden("U beheert alleen de locaties van uw eigen organisatie.");

    /// <summary>The problem's detail names the cause when postcode search is what is missing.</summary>
    private static string? Detail(Validator errors) =>
        errors.Errors.Any(e => e.Code == "unavailable") ? GeoSearch.PostcodeUnavailable : null;
}

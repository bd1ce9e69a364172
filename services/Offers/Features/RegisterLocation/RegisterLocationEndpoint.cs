using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.RegisterLocation;

public static class RegisterLocationEndpoint
{
    private const int RegisterAttempts = 3;

    /// <summary>Name space of the claim ids derived from an Idempotency-Key.</summary>
    private static readonly Guid ClaimIds = Guid.Parse("5b1c9e27-8d40-4f6a-b3e2-7a9d0c4f1e68");

    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/locations", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithIdempotency()
        .WithTags(OffersApi.Tags.Locations)
        .WithName("registerLocation")
        .WithSummary("Registreer een locatie; het id wordt uitgegeven")
        .WithDescription("Een bibliotheekbeheerder registreert alleen locaties van de eigen organisatie. Met een Idempotency-Key " +
            "geeft een herhaald verzoek de eerder geregistreerde locatie, nooit een tweede.")
        .Produces<LocationResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(RegisterLocationRequest request, CurrentAccount account, EventStreams streams,
        OrganisationQueries organisations, LocationQueries locations, Pc4Lookup postcodes, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var organisationId = request.OrganisationId ?? account.OrganisationId;
        var organisation = organisationId is { } id ? await organisations.Find(id, ct) : null;
        if (organisationId is null) v.Missing("organisationId");
        else if (organisation is null) v.Unknown("organisationId", $"Onbekende organisatie {organisationId}.");
        var (facts, errors) = request.Validate(postcodes, v);
        if (errors.HasErrors) return errors.Problem(GeoSearch.ProblemDetail(errors));
        var org = organisation!.Value.Organisation;
        if (!OffersAccess.CanManage(account, org.OrganisationId)) return LocationProblems.NotYours();

        var key = http.Request.Headers[ApiHeaders.IdempotencyKey].ToString();
        Guid? claimId = key.Length == 0 ? null : DeterministicGuid.Create(ClaimIds, $"{account.AccountId}/{key}");
        for (var attempt = 1; ; attempt++)
        {
            if (claimId is { } claimed && await streams.Load<LocationClaim>(claimed, ct) is { } claim)
                return await Registered(claim.State.LocationId, streams, http, ct); // this request registered it before

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
                return TypedResults.Created(OffersApi.LocationPath(locationId),
                    LocationResponse.From(streams.Fold<Location>(null, decision.Events)!));
            }
            catch (ConcurrencyException) when (attempt < RegisterAttempts)
            {
                // Another registration took this branch number a moment ago (take the next one), or the same request
                // ran twice at once (then the claim is there now).
            }
        }
    }

    /// <summary>The answer to a repeated registration: the location it made, as it is now.</summary>
    private static async Task<IResult> Registered(string locationId, EventStreams streams, HttpContext http, CancellationToken ct)
    {
        var location = await streams.Load<Location>(LocationId.StreamId(locationId), ct);
        ETags.Set(http.Response, location!.Version);
        return TypedResults.Created(OffersApi.LocationPath(locationId), LocationResponse.From(location.State));
    }
}

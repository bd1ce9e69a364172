using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.RegisterOrganisation;

public static class RegisterOrganisationEndpoint
{
    /// <summary>Name space of the organisation ids derived from an Idempotency-Key.</summary>
    private static readonly Guid IdempotentIds = Guid.Parse("4a7f1e93-2c5d-4b86-9e0a-6d3c8f1b2e45");

    public static void Map(RouteGroupBuilder api) => api
        .MapPost("/organisations", Handle)
        .RequireRoles(Roles.PlatformAdmin)
        .WithIdempotency()
        .WithTags(OffersApi.Tags.Organisations)
        .WithName("registerOrganisation")
        .WithSummary("Registreer een organisatie")
        .WithDescription("Met een Idempotency-Key geeft een herhaald verzoek het eerste antwoord, nooit een tweede organisatie. " +
            "Een nummer dat al bestaat geeft 409.")
        .Produces<OrganisationResponse>(StatusCodes.Status201Created)
        .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> Handle(RegisterOrganisationRequest request, CurrentAccount account, EventStreams streams,
        OrganisationQueries organisations, HttpContext http, CancellationToken ct)
    {
        var (facts, errors) = request.Validate();
        if (errors.HasErrors) return errors.Problem();
        // With an Idempotency-Key the id comes from the account and the key: a retry whose first answer was never
        // stored (the instance died right after the append) finds the organisation instead of registering a second.
        var key = http.Request.Headers[ApiHeaders.IdempotencyKey].ToString();
        var id = key.Length == 0 ? Guid.CreateVersion7() : DeterministicGuid.Create(IdempotentIds, $"{account.AccountId}/{key}");
        if (key.Length > 0 && await streams.Load<Organisation>(id, ct) is { } first)
            return Registered(http, first.State, first.Version);
        var number = request.Number ?? await organisations.NextNumber(ct);
        // The read model's unique index on the number turns a duplicate into a 409 with nothing stored.
        var decision = OrganisationDecisions.Register(null, id, number, facts!);
        var version = await streams.Start<Organisation>(id, decision.Events, RequestAppendContext.For(http, account), ct);
        return Registered(http, streams.Fold<Organisation>(null, decision.Events)!, version);
    }

    private static IResult Registered(HttpContext http, Organisation organisation, long version)
    {
        ETags.Set(http.Response, version);
        return TypedResults.Created(OffersApi.OrganisationPath(organisation.Id), OrganisationResponse.From(organisation));
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Domain;
using IdoPlatform.Offers.Http;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.Organisations;

public static class OrganisationEndpoints
{
    /// <summary>Name space of the organisation ids derived from an Idempotency-Key.</summary>
    private static readonly Guid IdempotentIds = Guid.Parse("4a7f1e93-2c5d-4b86-9e0a-6d3c8f1b2e45");

    public static void MapOrganisations(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisaties");

        group.MapGet("", List).AllowAnonymous()
            .WithName("listOrganisations").WithSummary("Bibliotheek- en partnerorganisaties, op naam")
            .Produces<Paged<OrganisationView>>().ProducesProblem(400);

        group.MapGet("/{organisationId:guid}", Get).AllowAnonymous()
            .WithName("getOrganisation").WithSummary("Eén organisatie")
            .Produces<OrganisationView>().ProducesProblem(400).ProducesProblem(404);

        group.MapPost("", Register).RequireRoles(Roles.PlatformAdmin).WithIdempotency()
            .WithName("registerOrganisation").WithSummary("Registreer een organisatie")
            .Produces<OrganisationView>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        group.MapPut("/{organisationId:guid}", Change).RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
            .WithName("changeOrganisation").WithSummary("Wijzig naam, soort of zichtbaarheid (If-Match)")
            .Produces<OrganisationView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
    }

    private static async Task<IResult> List([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize,
        CurrentAccount? account, OrganisationQueries organisations, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var paging = Paging.Read(v, page, pageSize);
        if (v.HasErrors) return v.Problem();
        var (items, total) = await organisations.List(account?.Role == Roles.PlatformAdmin, paging.Offset, paging.PageSize, ct);
        return paging.Result(http, items, total);
    }

    private static async Task<IResult> Get(Guid organisationId, CurrentAccount? account, OrganisationQueries organisations,
        HttpContext http, CancellationToken ct)
    {
        var found = await organisations.Find(organisationId, ct);
        if (found is not { } f || (!f.Organisation.Visible && !OffersAccess.CanManage(account, organisationId)))
            return Problems.NotFound($"Organisatie {organisationId} bestaat niet of is niet zichtbaar.");
        ETags.Set(http.Response, f.Version);
        return TypedResults.Ok(f.Organisation);
    }

    private static async Task<IResult> Register(OrganisationRequest request, CurrentAccount account, EventStreams streams,
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
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{organisation.Id}",
            new OrganisationView(organisation.Id, organisation.Number, organisation.Facts.Name, organisation.Facts.Kind, organisation.Facts.Visible));
    }

    private static async Task<IResult> Change(Guid organisationId, OrganisationRequest request, CurrentAccount account,
        EventStreams streams, HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<Organisation>(organisationId, state =>
        {
            if (!OffersAccess.CanManage(account, organisationId)) return Decision.Stop(Problems.Forbidden("U beheert alleen uw eigen organisatie."));
            var (facts, errors) = request.Validate();
            if (request.Number is not null && request.Number != state.Number)
                errors.Invalid("number", "Het nummer van een organisatie verandert niet: de ids van haar locaties hangen ervan af.");
            return errors.HasErrors ? Decision.Stop(errors.Problem()) : OrganisationDecisions.Change(state, facts!);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, $"Organisatie {organisationId} bestaat niet.",
            o => new OrganisationView(o.Id, o.Number, o.Facts.Name, o.Facts.Kind, o.Facts.Visible));
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Http;
using Microsoft.AspNetCore.Mvc;

namespace IdoPlatform.Offers.Features.OfferTypes;

public static class OfferTypeEndpoints
{
    public static void MapOfferTypes(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/offer-types").WithTags("Aanbodsoorten");

        group.MapGet("", List).AllowAnonymous()
            .WithName("listOfferTypes").WithSummary("Aanbodsoorten (G!DS), elk in de laatste versie")
            .Produces<Paged<OfferTypeView>>().ProducesProblem(400);

        group.MapGet("/{code}", Get).AllowAnonymous()
            .WithName("getOfferType").WithSummary("De laatste versie van een aanbodsoort")
            .Produces<OfferTypeView>().ProducesProblem(400).ProducesProblem(404);

        group.MapGet("/{code}/versions/{version:int}", GetVersion).AllowAnonymous()
            .WithName("getOfferTypeVersion").WithSummary("Een eerdere versie van een aanbodsoort")
            .Produces<OfferTypeView>().ProducesProblem(400).ProducesProblem(404);

        group.MapPost("", Define).RequireRoles(Roles.PlatformAdmin).WithIdempotency()
            .WithName("defineOfferType").WithSummary("Voeg een aanbodsoort toe (versie 1)")
            .Produces<OfferTypeView>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(403).ProducesProblem(409);

        group.MapPut("/{code}", Revise).RequireRoles(Roles.PlatformAdmin)
            .WithName("reviseOfferType").WithSummary("Maak een nieuwe versie van een aanbodsoort (If-Match)")
            .Produces<OfferTypeView>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(404)
            .ProducesProblem(409).ProducesProblem(412).ProducesProblem(428);
    }

    private static async Task<IResult> List([FromQuery(Name = "page")] int? page, [FromQuery(Name = "pageSize")] int? pageSize,
        OfferTypeQueries offerTypes, HttpContext http, CancellationToken ct)
    {
        var v = new Validator();
        var paging = Paging.Read(v, page, pageSize);
        if (v.HasErrors) return v.Problem();
        var all = await offerTypes.All(ct);
        var items = all.Skip(paging.Offset).Take(paging.PageSize)
            .Select(t => OfferTypeView.From(t.Type.Code, t.Type.Current, t.Type.Current.Version)).ToList();
        return paging.Result(http, items, all.Count);
    }

    private static async Task<IResult> Get(string code, OfferTypeQueries offerTypes, HttpContext http, CancellationToken ct)
    {
        if (await offerTypes.Find(code, ct) is not { } found) return Problems.NotFound($"Aanbodsoort '{code}' bestaat niet.");
        ETags.Set(http.Response, found.StreamVersion);
        return TypedResults.Ok(OfferTypeView.From(code, found.Type.Current, found.Type.Current.Version));
    }

    private static async Task<IResult> GetVersion(string code, int version, OfferTypeQueries offerTypes, CancellationToken ct)
    {
        if (await offerTypes.Find(code, ct) is not { } found || found.Type.Version(version) is not { } definition)
            return Problems.NotFound($"Aanbodsoort '{code}' versie {version} bestaat niet.");
        return TypedResults.Ok(OfferTypeView.From(code, definition, found.Type.Current.Version));
    }

    private static async Task<IResult> Define(OfferTypeRequest request, CurrentAccount account, EventStreams streams,
        HttpContext http, CancellationToken ct)
    {
        var (definition, errors) = request.Validate(requireCode: true);
        if (errors.HasErrors) return errors.Problem();
        var code = request.Code!;
        var decision = OfferTypeDecisions.Define(null, code, definition!.Name, definition.Description, definition.Defaults);
        // Starting an existing stream fails as a concurrency conflict: the code is taken (409).
        var version = await streams.Start<OfferType>(OfferType.StreamId(code), decision.Events, RequestAppendContext.For(http, account), ct);
        var created = streams.Fold<OfferType>(null, decision.Events)!;
        ETags.Set(http.Response, version);
        return TypedResults.Created($"{http.Request.PathBase}{http.Request.Path}/{code}", OfferTypeView.From(code, created.Current, 1));
    }

    private static async Task<IResult> Revise(string code, OfferTypeRequest request, CurrentAccount account, EventStreams streams,
        HttpContext http, CancellationToken ct)
    {
        if (!IfMatch.TryRead(http.Request, out var ifMatch, out var preconditionProblem)) return preconditionProblem;
        var written = await streams.Change<OfferType>(OfferType.StreamId(code), state =>
        {
            var (definition, errors) = request.Validate(requireCode: false);
            if (request.Code is not null && request.Code != code) errors.Add("code", InvalidParamCodes.Invalid, "De code van een aanbodsoort verandert niet.");
            return errors.HasErrors
                ? Decision.Stop(errors.Problem())
                : OfferTypeDecisions.Revise(state, definition!.Name, definition.Description, definition.Defaults);
        }, RequestAppendContext.For(http, account), ct, acceptsVersion: ifMatch.Matches);
        return written.Answer(http, $"Aanbodsoort '{code}' bestaat niet.", t => OfferTypeView.From(code, t.Current, t.Current.Version));
    }
}

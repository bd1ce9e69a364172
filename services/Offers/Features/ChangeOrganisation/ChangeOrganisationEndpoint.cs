using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers.Features.ChangeOrganisation;

public static class ChangeOrganisationEndpoint
{
    public static void Map(RouteGroupBuilder api) => api
        .MapPut("/organisations/{organisationId}", Handle)
        .RequireRoles(Roles.LibraryAdmin, Roles.PlatformAdmin)
        .WithTags(OffersApi.Tags.Organisations)
        .WithName("changeOrganisation")
        .WithSummary("Wijzig naam, soort of zichtbaarheid (If-Match)")
        .WithDescription("Een bibliotheekbeheerder wijzigt alleen de eigen organisatie. De nieuwe naam gaat daarna naar haar open locaties.")
        .Produces<OrganisationResponse>()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithIfMatch();

    private static async Task<IResult> Handle(Guid organisationId, ChangeOrganisationRequest request, CurrentAccount account,
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
        return written.Answer(http, $"Organisatie {organisationId} bestaat niet.", OrganisationResponse.From);
    }
}

using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Registrations.Common;

/// <summary>Desk staff work only for their own organisation's locations.</summary>
public static class DeskAccess
{
    public static bool Owns(this CurrentAccount account, Guid organisationId) =>
        account.OrganisationId is { } own && own == organisationId;

    public static ProblemResult ForeignLocation() =>
        Problems.Forbidden("Deze locatie hoort niet bij uw organisatie; u registreert alleen voor uw eigen locaties.");

    public static ProblemResult VisitNotFound() => Problems.NotFound("Dit bezoek bestaat niet (of hoort bij een andere organisatie).");
}

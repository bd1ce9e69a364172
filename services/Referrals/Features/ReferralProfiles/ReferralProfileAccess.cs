using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Features.ReferralProfiles;

/// <summary>Whose profile an account may touch (the roles are on the endpoints): every desk reads them all, an agency
/// account reads and revises only its own.</summary>
public static class ReferralProfileAccess
{
    public static bool MayRead(this CurrentAccount account, string agency) =>
        account.Role == Roles.Desk || account.ActsFor(agency);

    /// <summary>Unknown agency → 404; reading: desks and the agency itself; revising: only the agency itself.</summary>
    public static ProblemResult? Check(CurrentAccount account, string agency, AgencyCatalogue agencies, bool revise)
    {
        if (!agencies.IsKnown(agency)) return Problems.NotFound($"Onbekende NPD-organisatie '{agency}'.");
        if (revise ? account.ActsFor(agency) : account.MayRead(agency)) return null;
        return Problems.Forbidden(revise
            ? "Alleen accounts van deze NPD-organisatie mogen haar verwijsprofiel wijzigen."
            : "Alleen IDO-medewerkers en de organisatie zelf mogen dit verwijsprofiel inzien.");
    }
}

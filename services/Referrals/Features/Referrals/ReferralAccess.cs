using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Contracts.Codes;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>
/// Which data an account may touch (the roles are declared on the endpoints): an agency account acts for the one
/// agency in its token, a desk account works for one organisation and so for that organisation's locations.
/// </summary>
public static class ReferralAccess
{
    public static bool ActsFor(this CurrentAccount account, string agency) =>
        account.Role == Roles.Agency && account.AgencyCode == agency;

    public static bool WorksFor(this CurrentAccount account, Guid organisationId) =>
        account.Role == Roles.Desk && account.OrganisationId == organisationId;

    /// <summary>The issuing agency sees a referral; with <paramref name="desksToo"/> so do the desks of the organisation
    /// it refers to.</summary>
    public static bool MaySee(this CurrentAccount account, ReferralSummary referral, bool desksToo) =>
        account.ActsFor(referral.Agency) || (desksToo && account.WorksFor(referral.OrganisationId));

    public static ProblemResult NotFound() => Problems.NotFound("Geen verwijzing met deze code die u mag zien.");

    /// <summary>
    /// The referral behind <paramref name="code"/> if the account may see it. Accounts that may see some referrals
    /// but not this one get 404, so a code's existence is not revealed to them.
    /// </summary>
    public static async Task<(ReferralSummary? Summary, IResult? Problem)> Find(string code, CurrentAccount account,
        ReferralQueries queries, bool desksToo, CancellationToken ct)
    {
        var normalized = ReferralCodes.Normalize(code);
        if (normalized is null)
            return (null, Problems.InvalidParam("code", InvalidParamCodes.Invalid,
                $"Een verwijscode heeft 8 tekens uit {ReferralCodes.Alphabet}, zoals K7QF-2M9D."));

        var summary = await queries.ByCode(normalized, ct);
        return summary is not null && account.MaySee(summary, desksToo) ? (summary, null) : (null, NotFound());
    }
}

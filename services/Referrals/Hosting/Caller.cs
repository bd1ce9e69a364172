using System.Security.Claims;
using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.Referrals.Hosting;

/// <summary>
/// Who is calling, as the referrals rules need it: an agency account is bound to one agency code,
/// a desk account to one organisation (and so to that organisation's locations).
/// </summary>
public sealed record Caller(string? Subject, string? Role, string? Agency, Guid? Organisation)
{
    private static readonly Caller Anonymous = new(null, null, null, null);

    public static Caller From(ClaimsPrincipal user) => CurrentAccount.From(user) is { } account
        ? new Caller(account.AccountId, account.Role, account.AgencyCode, account.OrganisationId)
        : Anonymous;

    public bool IsAgencyAccount => Role == Roles.Agency && Agency is not null;

    public bool IsDesk => Role == Roles.Desk && Organisation is not null;

    public bool ActsFor(string agency) => IsAgencyAccount && Agency == agency;

    public bool WorksFor(Guid organisationId) => IsDesk && Organisation == organisationId;
}

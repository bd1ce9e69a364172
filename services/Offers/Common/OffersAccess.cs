using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.Offers.Common;

/// <summary>
/// Which data an account may see or manage; the roles an endpoint needs are declared on the endpoint. Library admins
/// manage only their own organisation's locations and offers; platform admins manage all. Everyone (also anonymous
/// callers) may read what is published and visible.
/// </summary>
public static class OffersAccess
{
    public static bool CanManage(CurrentAccount? account, Guid organisationId) => account switch
    {
        { Role: Roles.PlatformAdmin } => true,
        { Role: Roles.LibraryAdmin, OrganisationId: { } own } => own == organisationId,
        _ => false,
    };

    /// <summary>Closed and hidden locations may be asked for by admins only.</summary>
    public static bool MaySeeClosedLocations(CurrentAccount? account) =>
        account?.Role is Roles.PlatformAdmin or Roles.LibraryAdmin;

    /// <summary>The organisation whose closed and hidden locations a library admin sees (null: none, or all for a platform admin).</summary>
    public static Guid? ManagedOrganisation(CurrentAccount? account) =>
        account?.Role == Roles.LibraryAdmin ? account.OrganisationId : null;

    /// <summary>A platform admin sees every hidden organisation and location.</summary>
    public static bool SeesEverythingHidden(CurrentAccount? account) => account?.Role == Roles.PlatformAdmin;
}

using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.Offers.Http;

/// <summary>
/// Library admins manage only their own organisation's locations and offers; platform admins manage
/// all. Everyone (also anonymous callers) may read what is published and visible.
/// </summary>
public static class OffersAccess
{
    public static bool CanManage(CurrentAccount? account, Guid organisationId) => account switch
    {
        { Role: Roles.PlatformAdmin } => true,
        { Role: Roles.LibraryAdmin, OrganisationId: { } own } => own == organisationId,
        _ => false,
    };

    public static bool IsAdmin(CurrentAccount? account) => account?.Role is Roles.PlatformAdmin or Roles.LibraryAdmin;
}

using System.Security.Claims;
using PlatformRoles = IdoPlatform.BuildingBlocks.Security.Roles;

namespace IdoPlatform.Web.Hosting;

/// <summary>The parts of the web service, each under its own path (the gateway routes each to this service), with the
/// roles that may open it. One list, so sign-in, the menu and authorization cannot disagree.</summary>
public sealed record WebArea(string Path, string Folder, string Label, string Policy, IReadOnlyList<string> Roles)
{
    public static readonly WebArea Balie = new("/balie", "/Balie", "Balie", "area-balie", [PlatformRoles.Desk]);
    public static readonly WebArea Verwijzen = new("/verwijzen", "/Verwijzen", "Verwijzen", "area-verwijzen", [PlatformRoles.Agency]);
    public static readonly WebArea Monitor = new("/monitor", "/Monitor", "Monitor", "area-monitor",
        [PlatformRoles.Monitor, PlatformRoles.PlatformAdmin, PlatformRoles.LibraryAdmin]);
    public static readonly WebArea Beheer = new("/beheer", "/Beheer", "Beheer", "area-beheer", [PlatformRoles.LibraryAdmin]);

    /// <summary>The areas behind sign-in, in menu order. The public finder (<c>/aanbod</c>) needs no account.</summary>
    public static readonly IReadOnlyList<WebArea> SignedIn = [Balie, Verwijzen, Beheer, Monitor];

    public const string PublicFinder = "/aanbod";

    public bool Admits(ClaimsPrincipal user) => Roles.Any(user.IsInRole);

    public bool Contains(string localUrl) =>
        localUrl == Path || localUrl.StartsWith(Path + "/", StringComparison.Ordinal) || localUrl.StartsWith(Path + "?", StringComparison.Ordinal);

    /// <summary>Where an account lands after sign-in: the first area it may open, the public finder otherwise.</summary>
    public static string HomeOf(ClaimsPrincipal user) => SignedIn.FirstOrDefault(area => area.Admits(user))?.Path ?? PublicFinder;
}

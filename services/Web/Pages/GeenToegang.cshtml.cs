using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdoPlatform.Web.Pages;

/// <summary>Where the cookie handler sends an account that may not open a page: an honest 403, not the sign-in form.</summary>
public sealed class GeenToegangModel : PageModel
{
    public string? Role { get; private set; }
    public string? Home { get; private set; }

    /// <summary>The role as staff call it; an unknown code is left out rather than shown raw.</summary>
    public static string? RoleName(string? role) => role switch
    {
        Roles.Desk => "baliemedewerker",
        Roles.LibraryAdmin => "beheerder van de bibliotheek",
        Roles.Agency => "verwijzende organisatie",
        Roles.Monitor => "monitoring",
        Roles.PlatformAdmin => "platformbeheerder",
        _ => null,
    };

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (CurrentAccount.From(User) is not { } account)
            return;
        Role = RoleName(account.Role);
        Home = WebArea.HomeOf(User);
    }
}

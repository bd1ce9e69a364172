using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdoPlatform.Web.Pages;

/// <summary>Where the cookie handler sends an account that may not open a page: an honest 403, not the sign-in form.</summary>
public sealed class GeenToegangModel : PageModel
{
    public string? Role { get; private set; }
    public string? Home { get; private set; }

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        if (CurrentAccount.From(User) is not { } account)
            return;
        Role = account.Role;
        Home = WebArea.HomeOf(User);
    }
}

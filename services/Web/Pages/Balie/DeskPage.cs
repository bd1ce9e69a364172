using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace IdoPlatform.Web.Pages.Balie;

/// <summary>A desk page (only desk accounts: the folder's policy, <see cref="Hosting.WebArea.Balie"/>), answering htmx and the send queue with HTML fragments (errors
/// included: htmx 4 swaps error answers too, so each is a fragment that fits where it lands).</summary>
public abstract class DeskPage : PageModel
{
    public const string RememberedLocationCookie = "ido-balie-locatie";

    protected CurrentAccount Account => CurrentAccount.From(User)
        ?? throw new InvalidOperationException("The desk policy let an unreadable account through.");

    protected PartialViewResult Fragment<T>(string name, T model, int status = StatusCodes.Status200OK) => new()
    {
        ViewName = name,
        ViewData = new ViewDataDictionary<T>(ViewData, model),
        StatusCode = status,
    };
}

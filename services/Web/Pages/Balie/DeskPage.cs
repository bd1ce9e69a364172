using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace IdoPlatform.Web.Pages.Balie;

/// <summary>A desk page (only desk accounts: the folder's policy, <see cref="Hosting.WebArea.Balie"/>), answering htmx and the send queue with HTML fragments (errors
/// included: htmx 4 swaps error answers too, so each is a fragment that fits where it lands). A plain form post (no
/// script: off, blocked or not loaded) gets whole pages instead, as /beheer does: a redirect after a success, the page
/// with its errors after a refusal.</summary>
public abstract class DeskPage : PageModel
{
    public const string RememberedLocationCookie = "ido-balie-locatie";

    protected CurrentAccount Account => CurrentAccount.From(User)
        ?? throw new InvalidOperationException("The desk policy let an unreadable account through.");

    /// <summary>Sent by the page script: htmx says so in HX-Request, the send queue sends its Idempotency-Key (a header a
    /// plain form cannot send; queues of pages loaded before HX-Request was looked at carry it too).</summary>
    protected bool FromScript => Request.Headers.ContainsKey("HX-Request") || Request.Headers.ContainsKey("Idempotency-Key");

    protected PartialViewResult Fragment<T>(string name, T model, int status = StatusCodes.Status200OK) => new()
    {
        ViewName = name,
        ViewData = new ViewDataDictionary<T>(ViewData, model),
        StatusCode = status,
    };

    /// <summary>Post/Redirect/Get: 303, so reloading the page that follows asks nothing of the server twice.</summary>
    protected StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    protected PageResult WithStatus(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}

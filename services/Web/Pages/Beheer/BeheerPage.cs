using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Library;
using IdoPlatform.Web.Platform;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdoPlatform.Web.Pages.Beheer;

/// <summary>A library admin's page (only library admins: the folder's policy, <see cref="Hosting.WebArea.Beheer"/>). The
/// forms are plain posts: an admin's edits are rare, so a whole page back (with each 400 reason at its field, or the
/// fresh data after a 412) is simpler than fragments and needs no script.</summary>
public abstract class BeheerPage : PageModel
{
    protected CurrentAccount Account => CurrentAccount.From(User)
        ?? throw new InvalidOperationException("The admin policy let an unreadable account through.");

    protected Guid Organisation => Account.OrganisationId
        ?? throw new InvalidOperationException("A library admin without an organisation.");

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>The If-Match header from the ETag the form was made from (kept in a hidden field).</summary>
    protected static Dictionary<string, string> IfMatch(string? etag) =>
        string.IsNullOrEmpty(etag) ? [] : new() { ["If-Match"] = etag };

    /// <summary>A short notice after a redirect, chosen from a fixed list so no text is reflected from the address.</summary>
    public static string? Notice(string? code) => code switch
    {
        "opgeslagen" => "Wijziging opgeslagen.",
        "gesloten" => "De locatie is gesloten.",
        "aangemaakt" => "Het concept is aangemaakt. Publiceer het om het te tonen.",
        "gepubliceerd" => "Het aanbod is gepubliceerd.",
        "ingetrokken" => "Het aanbod is ingetrokken.",
        _ => null,
    };

    protected static string Version(string? etag) => etag?.Trim('W', '/', '"') ?? "?";

    protected static string Explain(ApiAnswer answer) => LibraryReads.Explain(answer);

    protected PageResult WithStatus(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}

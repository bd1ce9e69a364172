using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Finder;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdoPlatform.Web.Pages.Verwijzen;

/// <summary>A page of the agencies' area (only agency accounts: the folder's policy, <see cref="Hosting.WebArea.Verwijzen"/>).</summary>
public abstract class AgencyPage : PageModel
{
    protected CurrentAccount Account => CurrentAccount.From(User)
        ?? throw new InvalidOperationException("The agency policy let an unreadable account through.");

    /// <summary>The agency the account acts for (its token's <c>agency</c> claim).</summary>
    public string Agency => Account.AgencyCode ?? throw new InvalidOperationException("An agency account without an agency.");

    public abstract MapSettings Map { get; }
}

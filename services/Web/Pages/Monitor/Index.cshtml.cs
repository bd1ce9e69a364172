using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace IdoPlatform.Web.Pages.Monitor;

/// <summary>The monitoring dashboard (monitor, platform admin, library admin: the folder's policy,
/// <see cref="Hosting.WebArea.Monitor"/>). A plain GET form: the query lives in the URL, so a link shows the same.</summary>
public sealed class IndexModel(MonitorDashboard dashboard) : PageModel
{
    public MonitorView View { get; private set; } = null!;

    private CurrentAccount Account => CurrentAccount.From(User)
        ?? throw new InvalidOperationException("The monitor policy let an unreadable account through.");

    public async Task<IActionResult> OnGetAsync()
    {
        View = await dashboard.BuildAsync(Request.Query, Account, HttpContext.RequestAborted);
        // A query the page cannot answer is the asker's to fix: 400 with the form and every reason, never a 500.
        if (View.HasErrors)
            Response.StatusCode = StatusCodes.Status400BadRequest;
        else if (View.Unavailable is not null)
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return Page();
    }

    /// <summary>GET /monitor/csv?…: the table of the same query as CSV, cell for cell.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        View = await dashboard.BuildAsync(Request.Query, Account, HttpContext.RequestAborted);
        if (View.Counts is not { } counts)
        {
            var reason = View.Unavailable ?? string.Join(Environment.NewLine, View.Errors.Select(e =>
                (e.Key.Length > 0 ? MonitorQuery.LabelOf(e.Key) + ": " : "") + e.Reason));
            return new ContentResult
            {
                Content = "Geen CSV: " + reason, ContentType = "text/plain; charset=utf-8",
                StatusCode = View.Unavailable is null ? StatusCodes.Status400BadRequest : StatusCodes.Status503ServiceUnavailable,
            };
        }
        return File(MonitorCsv.File(counts), MonitorCsv.MediaType, MonitorCsv.FileName(View.Query));
    }
}

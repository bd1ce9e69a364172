using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace IdoPlatform.Web.Tests.Support;

/// <summary>axe on the page as it stands: WCAG 2.1 A and AA rules (EN 301 549 asks for them). axe covers part of
/// WCAG; keyboard flow has tests of its own.</summary>
public static class Accessibility
{
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, $"axe found WCAG 2.1 AA violations on {what}:{Environment.NewLine}" +
            string.Join(Environment.NewLine, result.Violations.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>axe on a page of a context without JavaScript. axe runs in the page's own JavaScript, which such a context
    /// never runs (RunAxe then waits for ever): the page's HTML as it stands is opened at its address in a context with
    /// JavaScript, its own scripts left out (the stylesheet still comes from the server), and checked there.</summary>
    public static async Task AssertNoViolationsWithoutScriptAsync(IPage page, string what)
    {
        var html = await page.ContentAsync();
        var context = await page.Context.Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = page.ViewportSize is { } size ? new ViewportSize { Width = size.Width, Height = size.Height } : null,
        });
        try
        {
            var copy = await context.NewPageAsync();
            await copy.RouteAsync("**/*", route => route.Request.Url == page.Url
                ? route.FulfillAsync(new RouteFulfillOptions { Body = html, ContentType = "text/html; charset=utf-8" })
                : route.Request.ResourceType == "script" ? route.AbortAsync() : route.ContinueAsync());
            await copy.GotoAsync(page.Url);
            await AssertNoViolationsAsync(copy, what);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}

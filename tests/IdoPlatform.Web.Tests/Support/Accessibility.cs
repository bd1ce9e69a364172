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
}

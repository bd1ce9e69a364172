namespace IdoPlatform.Web.Tests.Support;

public static class Layout
{
    /// <summary>Nothing wider than the screen: no sideways scrolling of the page (a wide table would scroll in its own box).
    /// A failure names the elements that stick out.</summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var viewport = page.ViewportSize!.Width;
        if (width <= viewport)
            return;
        var culprits = await page.EvaluateAsync<string[]>("""
            w => Array.from(document.querySelectorAll('main *'))
                .filter(e => e.getBoundingClientRect().right > w)
                .slice(-5)
                .map(e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
            """, viewport);
        Assert.Fail($"{what} is {width} px wide on a {viewport} px screen; sticking out: {string.Join(", ", culprits)}");
    }
}

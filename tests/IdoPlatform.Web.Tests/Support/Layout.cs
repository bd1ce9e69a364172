namespace IdoPlatform.Web.Tests.Support;

public static class Layout
{
    /// <summary>Nothing wider than the screen: no sideways scrolling of the page (a wide table scrolls in its own box).</summary>
    public static async Task AssertFitsAsync(IPage page, string what)
    {
        var width = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var viewport = page.ViewportSize!.Width;
        Assert.True(width <= viewport, $"{what} is {width} px wide on a {viewport} px screen");
    }
}

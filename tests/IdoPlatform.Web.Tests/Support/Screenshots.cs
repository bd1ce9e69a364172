namespace IdoPlatform.Web.Tests.Support;

/// <summary>Screenshots of the pages for a person to look at (kept under the temp folder; tests never compare them).</summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(Path.GetTempPath(), "ido-web-screens");

    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = true });
    }
}

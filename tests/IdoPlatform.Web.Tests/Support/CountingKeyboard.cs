namespace IdoPlatform.Web.Tests.Support;

/// <summary>Presses keys one at a time and counts them: the desk's "how many key presses to save a visit".</summary>
public sealed class CountingKeyboard(IPage page)
{
    public int Presses { get; private set; }

    public async Task PressAsync(params string[] keys)
    {
        foreach (var key in keys)
        {
            await page.Keyboard.PressAsync(key);
            Presses++;
        }
    }
}

using IdoPlatform.Web.Desk;

namespace IdoPlatform.Web.Tests.Desk;

/// <summary>Who made a history entry, in a sentence: an account by its id, the platform's own seeding in Dutch.</summary>
public sealed class HistoryTextTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("system", " door het platform")]
    [InlineData("demo-balie-stad-en-ommeland", " door demo-balie-stad-en-ommeland")]
    public void An_entry_says_who_made_it(string? accountId, string said) => Assert.Equal(said, HistoryText.By(accountId));
}

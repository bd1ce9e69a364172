using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>The register form's added questions: each its own ids and labels, focus to the new one, removable again.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class DeskQuestionTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task Added_questions_have_their_own_labels_and_can_be_removed_again()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        await page.SelectOptionAsync("select[name=locationId]", WebPlatformFixture.GroningenCentrum);
        await page.SelectOptionAsync("select[name='questions[0].topic']", "huur");
        await page.SelectOptionAsync("select[name='questions[0].durationBand']", "0-10");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Vraag verwijderen" }).CountAsync()); // the first stays

        var add = page.GetByRole(AriaRole.Button, new() { Name = "Vraag toevoegen" });
        await add.ClickAsync();
        await add.ClickAsync();
        var third = page.GetByRole(AriaRole.Group, new() { Name = "Vraag 3", Exact = true });
        await Expect(third.Locator("select[name='questions[2].topic']")).ToBeFocusedAsync();
        Assert.Empty(await DuplicateIds(page));
        // Question 3's label leads to question 3's own select, not question 2's.
        await third.GetByText("Onderwerp", new() { Exact = true }).ClickAsync();
        await Expect(third.Locator("select[name='questions[2].topic']")).ToBeFocusedAsync();
        await Expect(third.GetByLabel("Onderwerp", new() { Exact = true })).ToHaveCountAsync(1);
        await Accessibility.AssertNoViolationsAsync(page, "the desk form with three questions");
        await Screenshots.TakeAsync(page, "balie-drie-vragen");

        // Removing question 2: focus back on "Vraag toevoegen", question 3 becomes question 2 (names without a gap).
        await page.GetByRole(AriaRole.Group, new() { Name = "Vraag 2", Exact = true })
            .GetByRole(AriaRole.Button, new() { Name = "Vraag verwijderen" }).ClickAsync();
        await Expect(add).ToBeFocusedAsync();
        await Expect(page.Locator("[data-vragen] [data-vraag]")).ToHaveCountAsync(2);
        var second = page.GetByRole(AriaRole.Group, new() { Name = "Vraag 2", Exact = true });
        await Expect(second.GetByLabel("Onderwerp", new() { Exact = true })).ToHaveAttributeAsync("name", "questions[1].topic");
        await Expect(second.GetByLabel("Onderwerp", new() { Exact = true })).ToHaveIdAsync("veld-questions-1-topic");
        Assert.Empty(await DuplicateIds(page));

        // An empty added question no longer blocks saving: remove it and the one-question visit is saved.
        await second.GetByRole(AriaRole.Button, new() { Name = "Vraag verwijderen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Bezoek opgeslagen");
        await Expect(page.Locator("[data-foutoverzicht]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Each_referral_target_is_offered_once_with_gemeente_and_other_as_local_partners()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        var referredTo = page.Locator("select[name='questions[0].referredTo']");

        var values = await referredTo.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.Equal(values.Length, values.Distinct().Count());
        // The service reads "gemeente" and "other" as kinds of local partner, so that is where the page offers them.
        const string agencies = "optgroup[label='NPD-organisatie']", partners = "optgroup[label='Lokale partner']";
        await Expect(referredTo.Locator($"{agencies} option[value=uwv]")).ToHaveCountAsync(1);
        await Expect(referredTo.Locator($"{agencies} option[value=gemeente], {agencies} option[value=other]")).ToHaveCountAsync(0);
        await Expect(referredTo.Locator($"{partners} option[value=gemeente], {partners} option[value=other]")).ToHaveCountAsync(2);
    }

    private static Task<string[]> DuplicateIds(IPage page) => page.EvaluateAsync<string[]>(
        "() => { const ids = [...document.querySelectorAll('main [id]')].map(e => e.id); return ids.filter((id, i) => ids.indexOf(id) !== i); }");
}

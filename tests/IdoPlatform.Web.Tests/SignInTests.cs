using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>One sign-in for every part of the web service: each account lands on its own start page under its own name,
/// a page of another role answers 403 with a way on, and a return address outside the pages is ignored.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class SignInTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task An_account_signing_in_without_a_return_address_lands_on_its_own_start_page()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskB, "aanmelden", landing: "balie");
        await Expect(page.Locator("select[name=locationId]")).ToBeVisibleAsync();
        // The header greets the person by the token's name, not by the account's technical id.
        await Expect(page.Locator("header .account")).ToHaveTextAsync("Baliemedewerker Demobibliotheek Friese Wouden");
    }

    [Fact]
    public async Task A_library_admin_opening_the_desk_page_gets_403_with_a_link_to_its_own_start_page()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.AdminA, "aanmelden", landing: "beheer");
        var response = await page.GotoAsync(platform.DeskPage.ToString());
        Assert.Equal(403, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Geen toegang");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Naar uw eigen startpagina" })).ToHaveAttributeAsync("href", "/beheer");
        await Accessibility.AssertNoViolationsAsync(page, "the no-access page");
    }

    [Fact]
    public async Task A_return_address_outside_the_pages_is_ignored()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA, "aanmelden?ReturnUrl=%2F%2Fevil.example%2Fbalie", landing: "balie");
    }
}

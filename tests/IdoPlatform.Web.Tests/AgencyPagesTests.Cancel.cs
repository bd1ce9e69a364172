using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>Cancelling from the referral's own page (a confirmation first, afterwards no slip to hand out), and focus on a
/// refused "Verwijs hierheen".</summary>
public sealed partial class AgencyPagesTests
{
    [Fact]
    public async Task Cancelling_a_referral_asks_first_and_then_offers_no_slip()
    {
        var (issued, json, _) = await platform.ApiAsync(Uwv, HttpMethod.Post, "referrals/v1/referrals", new
        {
            agency = "uwv", topic = "digid", locationId = WebPlatformFixture.GroningenCentrum, method = "named-place",
        });
        Assert.True(issued == 201, $"issue answered {issued}: {json}");
        var code = json!["code"]!.GetValue<string>();

        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Uwv, $"verwijzen/verwijzingen/{code}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Verwijzing intrekken" }).ClickAsync();
        var question = page.GetByRole(AriaRole.Region, new() { Name = $"Verwijzing {code} intrekken?" });
        await Expect(question).ToBeFocusedAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Verwijsbrief afdrukken" })).ToHaveCountAsync(0);
        var (_, asked, _) = await platform.ApiAsync(Uwv, HttpMethod.Get, $"referrals/v1/referrals/{code}");
        Assert.Equal("issued", asked!["referral"]!["status"]!.GetValue<string>()); // asking is not cancelling
        await Accessibility.AssertNoViolationsAsync(page, "the referral asking to confirm a cancel");
        await Screenshots.TakeAsync(page, "verwijzen-verwijzing-intrekken-1280");

        await question.GetByRole(AriaRole.Button, new() { Name = "Ja, intrekken" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De verwijzing is ingetrokken");
        var (_, after, _) = await platform.ApiAsync(Uwv, HttpMethod.Get, $"referrals/v1/referrals/{code}");
        Assert.Equal("cancelled", after!["referral"]!["status"]!.GetValue<string>());

        // Nothing left to hand out: no print button, no slip, no "geldig tot", and the page says why.
        await Expect(page.Locator("[data-geen-brief]")).ToContainTextAsync("ingetrokken");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Verwijsbrief afdrukken" })).ToHaveCountAsync(0);
        await Expect(page.Locator(".verwijsbrief")).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).Not.ToContainTextAsync("Geef de burger de verwijsbrief mee");
        await Expect(page.Locator("main")).Not.ToContainTextAsync("geldig tot");
        await Accessibility.AssertNoViolationsAsync(page, "a cancelled referral");
        await Screenshots.TakeAsync(page, "verwijzen-verwijzing-ingetrokken-1280");
    }

    [Fact]
    public async Task A_refused_referral_takes_focus_to_the_field_at_fault()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, Uwv, $"verwijzen?waar=9711AB&open={NextThursday():yyyy-MM-dd}");
        var card = page.Locator("[data-plaats]").Nth(2); // further down the page than the first
        var topic = card.GetByLabel("Onderwerp");
        await Expect(topic).ToHaveValueAsync(""); // no topic chosen
        await card.GetByRole(AriaRole.Button, new() { Name = "Verwijs hierheen" }).ClickAsync();
        await Expect(card.Locator(".fout")).ToBeVisibleAsync();
        await Expect(topic).ToBeFocusedAsync();
        await Expect(topic).ToHaveAttributeAsync("aria-invalid", "true");
        await Accessibility.AssertNoViolationsAsync(page, "the agency's search after a refused referral");
        await Screenshots.TakeAsync(page, "verwijzen-verwijs-fout");
    }
}

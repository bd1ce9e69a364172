using IdoPlatform.Launcher;
using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace IdoPlatform.Web.Tests;

/// <summary>Never lose a registration: saved while the registrations service is down, the visit waits in the browser
/// and is sent by itself when the service is back — once, however often it was tried.</summary>
[Collection(WebPlatformCollection.Name)]
public sealed class OfflineQueueTests(WebPlatformFixture platform)
{
    [Fact]
    public async Task A_visit_saved_while_registrations_is_down_is_sent_once_when_it_is_back_and_counted_once()
    {
        var page = await platform.NewPageAsync();
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        await platform.Platform.StopServiceAsync(PlatformService.Registrations);
        string queued;
        try
        {
            await page.SelectOptionAsync("select[name=locationId]", WebPlatformFixture.Winsum);
            await page.SelectOptionAsync("select[name='questions[0].topic']", "rijbewijs");
            await page.SelectOptionAsync("select[name='questions[0].durationBand']", "30-60");
            await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan" }).ClickAsync();

            var waiting = page.Locator("#wachtrij");
            await Expect(waiting).ToContainTextAsync("1 bezoek wacht op verzending");
            await Expect(page.Locator("#meldingen")).ToContainTextAsync("bewaard");
            var stored = await page.EvaluateAsync<int>("() => JSON.parse(localStorage.getItem('ido-balie-wachtrij')).length");
            Assert.Equal(1, stored);
            await Screenshots.TakeAsync(page, "balie-wachtrij");
            queued = await page.EvaluateAsync<string>("() => localStorage.getItem('ido-balie-wachtrij')");
        }
        finally
        {
            await platform.Platform.StartServiceAsync(PlatformService.Registrations);
        }

        await Expect(page.Locator("#wachtrij")).ToBeHiddenAsync(new() { Timeout = 90_000 });
        await Expect(page.Locator("#meldingen")).ToContainTextAsync("Bezoek opgeslagen");
        await Expect(page.Locator("#bezoeken")).ToContainTextAsync("Rijbewijs");

        // The same visit queued again (as if the answer had been lost): sent again with its key, it makes no second visit.
        await page.EvaluateAsync("queue => localStorage.setItem('ido-balie-wachtrij', queue)", queued);
        await page.WaitForFunctionAsync("() => JSON.parse(localStorage.getItem('ido-balie-wachtrij') || '[]').length === 0",
            null, new() { Timeout = 60_000 });

        var (status, visits, _) = await platform.ApiAsync(WebPlatformFixture.DeskA, HttpMethod.Get,
            $"registrations/v1/visits?locationId={WebPlatformFixture.Winsum}&pageSize=100");
        Assert.Equal(200, status);
        var rijbewijs = visits!["items"]!.AsArray().Where(v => v!["questions"]![0]!["topic"]!.GetValue<string>() == "rijbewijs").ToList();
        Assert.Single(rijbewijs);

        // Monitoring heard of it once: the organisation's admin sees one rijbewijs visit at this location.
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime);
        var query = $"monitoring/v1/question-counts?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}" +
                    $"&location={WebPlatformFixture.Winsum}&groupBy=topic";
        long? counted = null;
        for (var attempt = 0; attempt < 60 && counted != 1; attempt++)
        {
            if (attempt > 0)
                await Task.Delay(500);
            var (reportStatus, report, _) = await platform.ApiAsync(WebPlatformFixture.AdminA, HttpMethod.Get, query);
            Assert.Equal(200, reportStatus);
            counted = report!["rows"]!.AsArray().Where(r => r!["topic"]?.GetValue<string>() == "rijbewijs")
                .Sum(r => r!["visits"]?.GetValue<long>() ?? 0);
        }
        Assert.Equal(1, counted);
    }
}

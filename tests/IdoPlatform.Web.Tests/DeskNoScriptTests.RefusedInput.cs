using System.Net;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Pages.Balie;
using IdoPlatform.Web.Tests.Fixture;
using IdoPlatform.Web.Tests.Support;

namespace IdoPlatform.Web.Tests;

public sealed partial class DeskNoScriptTests
{
    /// <summary>Input the desk form never sends (a crafted or broken post) is refused with the reason, never dropped or
    /// taken half: the whole page (400) for a plain post, the form fragment for the page script; nothing is registered.</summary>
    [Fact]
    public async Task Input_the_desk_form_never_sends_is_refused_with_its_reason_and_nothing_is_registered()
    {
        var note = $"Geweigerd {Marker.Letters(14)}";
        var page = await platform.NewPageAsync(javaScript: false);
        await platform.SignInAsync(page, WebPlatformFixture.DeskA);
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        (string, string)[] visit = [("__RequestVerificationToken", token), ("occurredAt", ""), ("idempotencyKey", Guid.NewGuid().ToString()),
            ("locationId", WebPlatformFixture.Winsum), ("channel", "in-person"), ("questions[0].topic", "digid"),
            ("questions[0].durationBand", "10-20"), ("questions[0].helpGiven", "explained"),
            ("questions[0].domain", "digital-government"), ("note", note)];
        List<(string, string)> With(params (string Key, string Value)[] changed) =>
            [.. visit.Where(f => changed.All(c => c.Key != f.Item1)), .. changed];

        var plain = new (string Field, string Reason, (string, string)[] Changed)[]
        {
            ("questions", VisitForm.UnknownQuestion, [("questions[٣].topic", "digid")]), // was an empty 500
            ("questions", VisitForm.UnknownQuestion, [("questions[100000].topic", "digid")]),
            ("questions", VisitForm.UnknownQuestion, [("questions[-1].topic", "digid")]),
            ("occurredAt", VisitForm.UnreadableMoment, [("occurredAt", "9999-99-99T99:99")]), // was saved as "now"
            ("channel", FormFields.Doubled, [("channel", "in-person"), ("channel", "phone")]), // was the first taken
            ("locationId", FormFields.Doubled, [("locationId", WebPlatformFixture.Winsum), ("locationId", "NL-900102-0001")]),
            ("", BezoekenModel.KeyRefused, [("idempotencyKey", "geen-guid")]), // was registered without the key
        };
        foreach (var (field, reason, changed) in plain)
        {
            var answer = await PostFormAsync(page, "balie/bezoeken", With(changed));
            var html = WebUtility.HtmlDecode(await answer.TextAsync());
            Assert.True(answer.Status == 400, $"{changed[0]}: {answer.Status}");
            Assert.Contains("<title>Bezoek registreren – IDO-balie</title>", html); // the whole page
            Assert.Contains(field.Length > 0 ? $"{FieldErrors.Label(field)}</a>: {reason}" : reason, html);
        }

        // The page script's path (htmx, the send queue) refuses the same, with the form fragment, for good.
        var script = new (Dictionary<string, string> Headers, string Reason, (string, string)[] Changed)[]
        {
            (new() { ["Idempotency-Key"] = Guid.NewGuid().ToString() }, VisitForm.UnknownQuestion, [("questions[٣].topic", "digid")]),
            (new() { ["Idempotency-Key"] = Guid.NewGuid().ToString() }, VisitForm.UnreadableMoment, [("occurredAt", "9999-99-99T99:99")]),
            (new() { ["HX-Request"] = "true", ["Idempotency-Key"] = new string('k', 5000) }, BezoekenModel.KeyRefused, []), // was a 201
            (new() { ["HX-Request"] = "true" }, BezoekenModel.KeyRefused, []),
        };
        foreach (var (headers, reason, changed) in script)
        {
            var answer = await PostFormAsync(page, "balie/bezoeken", With(changed), headers);
            var html = WebUtility.HtmlDecode(await answer.TextAsync());
            Assert.True(answer.Status == 400, $"{string.Join(",", headers.Keys)} {changed.FirstOrDefault()}: {answer.Status}");
            Assert.Equal("ja", answer.Headers.GetValueOrDefault(BezoekenModel.SettledHeader.ToLowerInvariant()));
            Assert.DoesNotContain("<title>", html); // the fragment
            Assert.Contains(reason, html);
        }
        Assert.Empty(await platform.VisitsWithNoteAsync(note));

        // The form as the page sends it is registered: the refusals above were for what was changed.
        var saved = await PostFormAsync(page, "balie/bezoeken", With());
        Assert.True(saved.Status == 303, $"{saved.Status}: {FieldErrorsIn(WebUtility.HtmlDecode(await saved.TextAsync()))}");
        Assert.Single(await platform.VisitsWithNoteAsync(note));
    }

    [Fact]
    public async Task A_correction_with_a_question_number_the_form_never_writes_is_refused_with_its_reason()
    {
        var visitId = await platform.RegisterByApiAsync(WebPlatformFixture.DeskA, WebPlatformFixture.Winsum, "toeslagen");
        var page = await platform.NewPageAsync(javaScript: false);
        await platform.SignInAsync(page, WebPlatformFixture.DeskA, $"balie/bezoeken/{visitId}");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var version = (await platform.VisitAsync(visitId))["version"]!.GetValue<long>();

        var answer = await PostFormAsync(page, $"balie/bezoeken/{visitId}/correctie",
        [
            ("__RequestVerificationToken", token), ("version", $"{version}"), ("locationId", WebPlatformFixture.Winsum), ("channel", "in-person"),
            ("questions[0].topic", "huur"), ("questions[0].durationBand", "10-20"), ("questions[0].helpGiven", "explained"),
            ("questions[٣].topic", "digid"), ("reason", "Onderwerp verkeerd gekozen"),
        ]);

        Assert.Equal(400, answer.Status); // was an empty 500
        Assert.Contains($"{FieldErrors.Label("questions")}</a>: {VisitForm.UnknownQuestion}", WebUtility.HtmlDecode(await answer.TextAsync()));
        var visit = await platform.VisitAsync(visitId);
        Assert.Equal(version, visit["version"]!.GetValue<long>());
        Assert.Equal("toeslagen", visit["questions"]![0]!["topic"]!.GetValue<string>());
    }

    /// <summary>A form posted as is (fields in order, doubles kept), in the page's session, without following a redirect.</summary>
    private async Task<IAPIResponse> PostFormAsync(IPage page, string path, IEnumerable<(string Key, string Value)> fields,
        Dictionary<string, string>? headers = null) =>
        await page.APIRequest.PostAsync(new Uri(platform.DeskPage, path).ToString(), new()
        {
            Headers = new Dictionary<string, string>(headers ?? []) { ["Content-Type"] = "application/x-www-form-urlencoded" },
            Data = string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}")),
            MaxRedirects = 0,
        });

    /// <summary>The error summary's text of a refused page, to say in a failed assertion why it was refused.</summary>
    private static string FieldErrorsIn(string html) =>
        html.IndexOf("foutoverzicht", StringComparison.Ordinal) is var at and >= 0 ? html[at..Math.Min(html.Length, at + 600)] : html[..Math.Min(html.Length, 600)];
}

using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Registrations.Features.Visits;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using static IdoPlatform.Registrations.Tests.Integration.Places;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>A note that slipped personal data past the screen is erased from every stored event of its visit.</summary>
[Collection(RegistrationsCollection.Name)]
public sealed class EraseNoteTests(RegistrationsApp app)
{
    private const string Slipped = "Meneer kwam met zijn zoon Pieter";
    private static readonly CurrentAccount Admin = new("platform-admin-1", Roles.PlatformAdmin);

    private async Task<(HttpClient Desk, Guid Id, JsonObject Body)> RegisteredWithNote()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var body = Visit(location.LocationId);
        body["note"] = Slipped;
        var visit = await (await desk.PostJson("/registrations/v1/visits", body)).Json200(HttpStatusCode.Created);
        return (desk, visit["id"]!.GetValue<Guid>(), body);
    }

    private static JsonObject Reason(string reason = "De notitie noemde de bezoeker") => new() { ["reason"] = reason };

    [Fact]
    public async Task Erasing_masks_the_note_in_every_stored_event_and_records_who_when_and_why()
    {
        var (desk, id, body) = await RegisteredWithNote();
        var correction = (JsonObject)body.DeepClone();
        correction["channel"] = "phone";
        correction["reason"] = "kanaal verkeerd";
        await (await desk.PutJson($"/registrations/v1/visits/{id}", correction, "\"1\"")).Json200();
        await app.Relayed.For(id, "VisitCorrected");
        var (_, other, _) = await RegisteredWithNote();

        var erased = await (await app.Client(Admin).PostJson($"/registrations/v1/visits/{id}/note-erasure", Reason())).Json200();

        Assert.Equal("verwijderd", erased["note"]!.GetValue<string>());
        await using (var session = app.Services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(id);
            Assert.Equal(3, events.Count);
            Assert.All(events.Select(e => e.Data).OfType<VisitRegistered>(), e => Assert.Equal("verwijderd", e.Details.Note));
            Assert.All(events.Select(e => e.Data).OfType<VisitCorrected>(), e => Assert.Equal("verwijderd", e.Details.Note));
            var erasure = Assert.IsType<VisitNoteErased>(events[^1].Data);
            Assert.Equal(("De notitie noemde de bezoeker", Admin.AccountId), (erasure.Reason, events[^1].UserName));
            Assert.Equal(app.Clock.GetUtcNow(), erasure.ErasedAt);
            // Another visit's note is untouched.
            Assert.Equal(Slipped, Assert.IsType<VisitRegistered>((await session.Events.FetchStreamAsync(other))[0].Data).Details.Note);
        }
        var shown = await (await desk.GetAsync($"/registrations/v1/visits/{id}")).Json200();
        Assert.Equal("verwijderd", shown["note"]!.GetValue<string>());
        var history = await (await desk.GetAsync($"/registrations/v1/visits/{id}/history")).Json200();
        var entries = history["entries"]!.AsArray();
        Assert.Equal("note-erased", entries[^1]!["event"]!.GetValue<string>());
        Assert.DoesNotContain(Slipped, history.ToJsonString());
        var registeredNote = entries[0]!["changes"]!.AsArray().Single(c => c!["field"]!.GetValue<string>() == "note");
        Assert.Equal("verwijderd", registeredNote!["to"]!.GetValue<string>());

        // Nothing was published for the erasure: the next message of the visit follows the correction directly.
        var voiding = await desk.PostJson($"/registrations/v1/visits/{id}/voiding", new JsonObject { ["reason"] = "dubbel" });
        await voiding.Json200();
        var relayed = await app.Relayed.For(id, "VisitVoided");
        Assert.Equal(["VisitRegistered", "VisitCorrected", "VisitVoided"], relayed.Select(m => m.Type));
        Assert.All(relayed, m => Assert.DoesNotContain(Slipped, m.Message.ToJsonString()));
    }

    [Fact]
    public async Task Erasing_again_changes_nothing_and_a_visit_without_a_note_has_nothing_to_erase()
    {
        var (_, id, _) = await RegisteredWithNote();
        var admin = app.Client(Admin);
        await (await admin.PostJson($"/registrations/v1/visits/{id}/note-erasure", Reason())).Json200();
        var again = await admin.PostJson($"/registrations/v1/visits/{id}/note-erasure", Reason());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(2, await app.EventCount(id));

        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var plain = await (await app.Client(RegistrationsApp.Desk(org)).PostJson("/registrations/v1/visits", Visit(location.LocationId)))
            .Json200(HttpStatusCode.Created);
        await (await admin.PostJson($"/registrations/v1/visits/{plain["id"]}/note-erasure", Reason()))
            .AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_retried_registration_after_the_erasure_answers_the_same_visit_without_the_note()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var body = Visit(location.LocationId);
        body["note"] = Slipped;
        var key = Guid.NewGuid().ToString();
        var first = await (await desk.PostJson("/registrations/v1/visits", body, key)).Json200(HttpStatusCode.Created);
        var id = first["id"]!.GetValue<Guid>();

        await (await app.Client(Admin).PostJson($"/registrations/v1/visits/{id}/note-erasure", Reason())).Json200();

        // The first answer, note and all, was remembered for the key; now the retry is answered from the masked stream.
        var retry = await desk.PostJson("/registrations/v1/visits", body, key);
        var again = await retry.Json200(HttpStatusCode.Created);
        Assert.Equal(id, again["id"]!.GetValue<Guid>());
        Assert.Equal("verwijderd", again["note"]!.GetValue<string>());
        Assert.Equal("\"1\"", retry.Headers.ETag?.ToString());
        Assert.Equal(2, await app.EventCount(id));
        Assert.Equal(1, await app.Scalar("SELECT count(*) FROM visit_list WHERE location_id = $1", location.LocationId));
    }

    [Fact]
    public async Task With_if_match_a_visit_changed_meanwhile_is_not_erased()
    {
        var (desk, id, body) = await RegisteredWithNote();
        var correction = (JsonObject)body.DeepClone();
        correction["channel"] = "phone";
        correction["reason"] = "kanaal verkeerd";
        await (await desk.PutJson($"/registrations/v1/visits/{id}", correction, "\"1\"")).Json200();
        var admin = app.Client(Admin);

        var stale = await admin.Send(HttpMethod.Post, $"/registrations/v1/visits/{id}/note-erasure", Reason().ToJsonString(), ifMatch: "\"1\"");
        await stale.AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(2, await app.EventCount(id));
        Assert.Equal(Slipped, (await (await desk.GetAsync($"/registrations/v1/visits/{id}")).Json200())["note"]!.GetValue<string>());

        var current = await admin.Send(HttpMethod.Post, $"/registrations/v1/visits/{id}/note-erasure", Reason().ToJsonString(), ifMatch: "\"2\"");
        Assert.Equal("verwijderd", (await current.Json200())["note"]!.GetValue<string>());
        Assert.Equal("\"3\"", current.Headers.ETag?.ToString());
    }

    [Fact]
    public async Task Only_a_platform_admin_may_erase_and_bad_requests_change_nothing()
    {
        var (desk, id, _) = await RegisteredWithNote();
        foreach (var role in Roles.All.Where(r => r != Roles.PlatformAdmin))
            await (await app.Client(new CurrentAccount($"{role}-1", role, Guid.NewGuid(), "UWV"))
                .PostJson($"/registrations/v1/visits/{id}/note-erasure", Reason())).AssertProblem(HttpStatusCode.Forbidden);

        var admin = app.Client(Admin);
        var missing = await admin.PostJson($"/registrations/v1/visits/{id}/note-erasure", new JsonObject());
        await missing.AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains(await missing.InvalidParams(), p => p.Name == "reason");
        await (await admin.Send(HttpMethod.Post, $"/registrations/v1/visits/{id}/note-erasure", """{"reason": """))
            .AssertProblem(HttpStatusCode.BadRequest);
        await (await admin.Send(HttpMethod.Post, $"/registrations/v1/visits/{id}/note-erasure", Reason().ToJsonString(), ifMatch: "versie 1"))
            .AssertProblem(HttpStatusCode.BadRequest);
        var personal = await admin.PostJson($"/registrations/v1/visits/{id}/note-erasure", Reason("mail jan@example.nl"));
        Assert.Contains(await personal.InvalidParams(), p => p.Name == "reason");
        await (await admin.PostJson($"/registrations/v1/visits/{Guid.NewGuid()}/note-erasure", Reason()))
            .AssertProblem(HttpStatusCode.NotFound);

        Assert.Equal(1, await app.EventCount(id));
        var shown = await (await desk.GetAsync($"/registrations/v1/visits/{id}")).Json200();
        Assert.Equal(Slipped, shown["note"]!.GetValue<string>());
    }
}

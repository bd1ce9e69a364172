using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Security;
using static IdoPlatform.Registrations.Tests.Integration.Places;

namespace IdoPlatform.Registrations.Tests.Integration;

[Collection(RegistrationsCollection.Name)]
public sealed class CorrectAndVoidTests(RegistrationsApp app)
{
    private async Task<(HttpClient Desk, string LocationId, Guid Id, JsonObject Body)> Registered(params JsonObject[] questions)
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var body = Visit(location.LocationId, "in-person", questions);
        var visit = await (await desk.PostJson("/registrations/v1/visits", body)).Json200(HttpStatusCode.Created);
        return (desk, location.LocationId, visit["id"]!.GetValue<Guid>(), body);
    }

    [Fact]
    public async Task A_correction_with_the_current_etag_replaces_the_visit_and_is_published()
    {
        var (desk, _, id, body) = await Registered();
        var corrected = Correction(body);
        corrected["channel"] = "phone";

        var response = await desk.PutJson($"/registrations/v1/visits/{id}", corrected, "\"1\"");
        var visit = await response.Json200();

        Assert.Equal("\"2\"", response.ETag());
        Assert.Equal("phone", visit["channel"]!.GetValue<string>());
        Assert.Equal(2, visit["version"]!.GetValue<long>());
        var relayed = await app.Relayed.For(id, "VisitCorrected");
        Assert.Equal(["VisitRegistered", "VisitCorrected"], relayed.Select(m => m.Type));
        Assert.Equal("phone", relayed[1].Message["visit"]!["channel"]!.GetValue<string>());
        Assert.Equal(2, relayed[1].Message["visit"]!["version"]!.GetValue<int>());
    }

    [Fact]
    public async Task Two_corrections_racing_on_one_etag_one_wins_the_other_gets_412()
    {
        var (desk, _, id, body) = await Registered();
        var toPhone = Correction(body, "kanaal was telefoon");
        toPhone["channel"] = "phone";
        var toVideo = Correction(body, "kanaal was beeldbellen");
        toVideo["channel"] = "video";

        var responses = await Task.WhenAll(
            desk.PutJson($"/registrations/v1/visits/{id}", toPhone, "\"1\""),
            desk.PutJson($"/registrations/v1/visits/{id}", toVideo, "\"1\""));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.PreconditionFailed], responses.Select(r => r.StatusCode).Order());
        await responses.Single(r => r.StatusCode == HttpStatusCode.PreconditionFailed).AssertProblem(HttpStatusCode.PreconditionFailed);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).Json200();
        var current = await (await desk.GetAsync($"/registrations/v1/visits/{id}")).Json200();
        Assert.Equal(winner["channel"]!.GetValue<string>(), current["channel"]!.GetValue<string>());
        Assert.Equal(2, await app.EventCount(id));
    }

    [Fact]
    public async Task A_stale_etag_is_412_and_a_missing_one_428_and_nothing_changes()
    {
        var (desk, _, id, body) = await Registered();
        var first = Correction(body);
        first["channel"] = "phone";
        await (await desk.PutJson($"/registrations/v1/visits/{id}", first, "\"1\"")).Json200();

        var stale = Correction(body);
        stale["channel"] = "video";
        await (await desk.PutJson($"/registrations/v1/visits/{id}", stale, "\"1\"")).AssertProblem(HttpStatusCode.PreconditionFailed);
        await (await desk.PutJson($"/registrations/v1/visits/{id}", stale, null)).AssertProblem(HttpStatusCode.PreconditionRequired);
        Assert.Equal(2, await app.EventCount(id));
    }

    [Fact]
    public async Task A_correction_needs_a_reason_without_personal_data()
    {
        var (desk, _, id, body) = await Registered();
        var noReason = body.DeepClone().AsObject();
        noReason["channel"] = "phone";
        Assert.Equal([("reason", "required")],
            (await (await desk.PutJson($"/registrations/v1/visits/{id}", noReason, "\"1\"")).InvalidParams()).Select(e => (e.Name, e.Code)));

        var personal = Correction(body, "mevrouw Jansen belde, 06-12345678");
        Assert.Equal(["reason", "reason"],
            (await (await desk.PutJson($"/registrations/v1/visits/{id}", personal, "\"1\"")).InvalidParams()).Select(e => e.Name));
        Assert.Equal(1, await app.EventCount(id));
    }

    [Fact]
    public async Task A_correction_that_changes_nothing_records_nothing()
    {
        var (desk, _, id, body) = await Registered();
        var same = Correction(body);
        same["occurredAt"] = (await (await desk.GetAsync($"/registrations/v1/visits/{id}")).Json200())["occurredAt"]!.DeepClone();
        var response = await desk.PutJson($"/registrations/v1/visits/{id}", same, "\"1\"");
        await response.Json200();
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal(1, await app.EventCount(id));
    }

    [Fact]
    public async Task A_retired_code_stays_on_an_old_visit_through_a_correction_but_is_refused_anew()
    {
        var realNow = app.Clock.GetUtcNow();
        try
        {
            // Registered on 20 December 2025, while "formulierenbrigade" was still valid (until 31 December).
            app.Clock.Set(new DateTimeOffset(2025, 12, 20, 10, 0, 0, TimeSpan.Zero));
            var (_, location, id, body) = await Registered(Referred("formulierenbrigade"));

            app.Clock.Set(new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero));
            var org = (await app.Replica.Find(location))!.OrganisationId;
            var desk = app.Client(RegistrationsApp.Desk(org));

            var keep = Correction(body, "kanaal verbeterd");
            keep["channel"] = "phone";
            var kept = await (await desk.PutJson($"/registrations/v1/visits/{id}", keep, "\"1\"")).Json200();
            Assert.Equal("formulierenbrigade", kept["questions"]![0]!["referredTo"]!.GetValue<string>());

            var again = await desk.PostJson("/registrations/v1/visits", Visit(location, "in-person", Referred("formulierenbrigade")));
            Assert.Equal([("questions[0].referredTo", "retired")], (await again.InvalidParams()).Select(e => (e.Name, e.Code)));
        }
        finally
        {
            app.Clock.Set(realNow);
        }
    }

    [Fact]
    public async Task A_voided_visit_is_published_as_VisitVoided_and_can_be_neither_corrected_nor_voided_again()
    {
        var (desk, _, id, body) = await Registered();

        var response = await desk.PostJson($"/registrations/v1/visits/{id}/voiding", new JsonObject { ["reason"] = "Dubbel geregistreerd" });
        var voided = await response.Json200();
        Assert.Equal("voided", voided["status"]!.GetValue<string>());
        Assert.Equal("Dubbel geregistreerd", voided["voidReason"]!.GetValue<string>());
        Assert.Equal("\"2\"", response.ETag());

        var relayed = await app.Relayed.For(id, "VisitVoided");
        var message = relayed.Single(m => m.Type == "VisitVoided").Message;
        Assert.Equal(id, message["visit"]!["visitId"]!.GetValue<Guid>());
        Assert.Equal("in-person", message["visit"]!["channel"]!.GetValue<string>()); // the visit as it was

        await (await desk.PostJson($"/registrations/v1/visits/{id}/voiding", new JsonObject { ["reason"] = "nog eens" }))
            .AssertProblem(HttpStatusCode.Conflict);
        var correction = Correction(body);
        correction["channel"] = "phone";
        await (await desk.PutJson($"/registrations/v1/visits/{id}", correction, "\"2\"")).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(2, await app.EventCount(id));
    }

    [Fact]
    public async Task Voiding_needs_a_reason_and_respects_if_match()
    {
        var (desk, _, id, _) = await Registered();
        Assert.Equal([("reason", "required")],
            (await (await desk.PostJson($"/registrations/v1/visits/{id}/voiding", new JsonObject())).InvalidParams())
            .Select(e => (e.Name, e.Code)));
        await (await desk.Send(HttpMethod.Post, $"/registrations/v1/visits/{id}/voiding", """{"reason":"test"}""", ifMatch: "\"7\""))
            .AssertProblem(HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, await app.EventCount(id));
    }

    [Fact]
    public async Task The_history_shows_every_event_what_changed_when_and_by_which_account()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var registrar = RegistrationsApp.Desk(org);
        var corrector = RegistrationsApp.Desk(org);
        var body = Visit(location.LocationId);
        var id = (await (await app.Client(registrar).PostJson("/registrations/v1/visits", body)).Json200(HttpStatusCode.Created))["id"]!
            .GetValue<Guid>();
        var correction = Correction(body, "duur was langer");
        correction["questions"]![0]!["durationBand"] = "30-60";
        await (await app.Client(corrector).PutJson($"/registrations/v1/visits/{id}", correction, "\"1\"")).Json200();
        await (await app.Client(corrector).PostJson($"/registrations/v1/visits/{id}/voiding", new JsonObject { ["reason"] = "proefregistratie" }))
            .Json200();

        var history = await (await app.Client(registrar).GetAsync($"/registrations/v1/visits/{id}/history")).Json200();
        var entries = history["entries"]!.AsArray();
        Assert.Equal(["registered", "corrected", "voided"], entries.Select(e => e!["event"]!.GetValue<string>()));
        Assert.Equal([registrar.AccountId, corrector.AccountId, corrector.AccountId],
            entries.Select(e => e!["accountId"]!.GetValue<string>()));
        Assert.Equal([null, "duur was langer", "proefregistratie"], entries.Select(e => e!["reason"]?.GetValue<string>()));
        Assert.All(entries, e => Assert.NotNull(e!["at"]));

        var changed = entries[1]!["changes"]!.AsArray().Single()!;
        Assert.Equal(("questions[0].durationBand", "10-20", "30-60"),
            (changed["field"]!.GetValue<string>(), changed["from"]!.GetValue<string>(), changed["to"]!.GetValue<string>()));
        var voided = entries[2]!["changes"]!.AsArray().Single()!;
        Assert.Equal(("status", "registered", "voided"),
            (voided["field"]!.GetValue<string>(), voided["from"]!.GetValue<string>(), voided["to"]!.GetValue<string>()));
        Assert.Contains(entries[0]!["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "channel" && c["to"]!.GetValue<string>() == "in-person");
    }

    [Fact]
    public async Task An_all_zero_id_is_not_found_for_every_write_like_any_unknown_id()
    {
        var (desk, _, _, body) = await Registered();
        var zero = Guid.Empty;
        await (await desk.PutJson($"/registrations/v1/visits/{zero}", Correction(body), "\"1\"")).AssertProblem(HttpStatusCode.NotFound);
        await (await desk.Send(HttpMethod.Post, $"/registrations/v1/visits/{zero}/voiding", """{"reason":"test"}""", ifMatch: "\"1\""))
            .AssertProblem(HttpStatusCode.NotFound);
        await (await app.Client(new CurrentAccount("platform-admin-1", Roles.PlatformAdmin))
            .PostJson($"/registrations/v1/visits/{zero}/note-erasure", new JsonObject { ["reason"] = "De notitie noemde de bezoeker" }))
            .AssertProblem(HttpStatusCode.NotFound);
    }
}

using System.Net;
using System.Text.Json.Nodes;
using static IdoPlatform.Registrations.Tests.Integration.Places;

namespace IdoPlatform.Registrations.Tests.Integration;

[Collection(RegistrationsCollection.Name)]
public sealed class RegisterVisitTests(RegistrationsApp app)
{
    [Fact]
    public async Task A_registered_visit_answers_201_with_location_and_etag_and_carries_the_place_facts()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org, municipality: "GM0363");
        var desk = app.Client(RegistrationsApp.Desk(org));

        var body = Visit(location.LocationId, "phone", Question(), Referred());
        body["referralCode"] = "k7qf2m9d";
        body["note"] = "Samen de aanvraag ingevuld.";
        var response = await desk.PostJson("/registrations/v1/visits", body);
        var visit = await response.Json200(HttpStatusCode.Created);

        var id = visit["id"]!.GetValue<Guid>();
        Assert.Equal($"/registrations/v1/visits/{id}", response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", response.ETag());
        Assert.Equal("GM0363", visit["municipalityCode"]!.GetValue<string>());
        Assert.Equal("Utrecht", visit["province"]!.GetValue<string>());
        Assert.Equal(org, visit["organisationId"]!.GetValue<Guid>());
        Assert.Equal("K7QF-2M9D", visit["referralCode"]!.GetValue<string>());
        Assert.Equal("registered", visit["status"]!.GetValue<string>());
        // occurredAt defaults to now (the service's clock), in UTC.
        Assert.Equal(app.Clock.GetUtcNow(), visit["occurredAt"]!.GetValue<DateTimeOffset>());

        var read = await desk.GetAsync($"/registrations/v1/visits/{id}");
        var again = await read.Json200();
        Assert.Equal("\"1\"", read.ETag());
        Assert.Equal(2, again["questions"]!.AsArray().Count);
        Assert.Equal("schuldhulpverlening", again["questions"]![1]!["referredTo"]!.GetValue<string>());

        var relayed = await app.Relayed.For(id, "VisitRegistered");
        var snapshot = relayed.Single().Message["visit"]!;
        Assert.Equal(location.LocationId, snapshot["locationId"]!.GetValue<string>());
        Assert.Equal("GM0363", snapshot["municipalityCode"]!.GetValue<string>());
        Assert.Equal("Utrecht", snapshot["province"]!.GetValue<string>());
        Assert.Equal("K7QF-2M9D", snapshot["referralCode"]!.GetValue<string>());
        Assert.Equal(["toeslagen", "belastingen"], snapshot["questions"]!.AsArray().Select(q => q!["topic"]!.GetValue<string>()));
        Assert.Null(snapshot["note"]); // the note never leaves the service
    }

    [Fact]
    public async Task A_retried_post_with_the_same_idempotency_key_gives_the_first_result_and_one_visit()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var key = Guid.NewGuid().ToString();
        var body = Visit(location.LocationId).ToJsonString();

        var first = await desk.Send(HttpMethod.Post, "/registrations/v1/visits", body, idempotencyKey: key);
        var firstVisit = await first.Json200(HttpStatusCode.Created);
        var retry = await desk.Send(HttpMethod.Post, "/registrations/v1/visits", body, idempotencyKey: key);
        var retryVisit = await retry.Json200(HttpStatusCode.Created);

        Assert.Equal(firstVisit.ToJsonString(), retryVisit.ToJsonString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(1, await app.Scalar("SELECT count(*) FROM visit_list WHERE location_id = $1", location.LocationId));
    }

    [Fact]
    public async Task Retries_racing_each_other_still_make_one_visit()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var key = Guid.NewGuid().ToString();
        var body = Visit(location.LocationId).ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            desk.Send(HttpMethod.Post, "/registrations/v1/visits", body, idempotencyKey: key)));

        var ids = new HashSet<Guid>();
        foreach (var response in responses) ids.Add((await response.Json200(HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        Assert.Single(ids);
        Assert.Equal(1, await app.Scalar("SELECT count(*) FROM visit_list WHERE location_id = $1", location.LocationId));
    }

    [Fact]
    public async Task A_burst_of_registrations_each_with_its_own_key_is_served_in_full()
    {
        // More requests at once than the service's connection pool holds (30), as when many desks save together:
        // the key store must leave the handlers the connections they need.
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var body = Visit(location.LocationId).ToJsonString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ =>
            desk.Send(HttpMethod.Post, "/registrations/v1/visits", body, idempotencyKey: Guid.NewGuid().ToString())));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        Assert.Equal(100, await app.Scalar("SELECT count(*) FROM visit_list WHERE location_id = $1", location.LocationId));
    }

    [Fact]
    public async Task A_retry_after_the_key_store_forgot_still_finds_the_first_visit()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var key = Guid.NewGuid().ToString();
        var body = Visit(location.LocationId).ToJsonString();
        var first = await (await desk.Send(HttpMethod.Post, "/registrations/v1/visits", body, idempotencyKey: key))
            .Json200(HttpStatusCode.Created);

        // As if the first answer was never stored (the process died after the append), or has expired.
        await app.Scalar("DELETE FROM idempotency_keys WHERE key = $1", key);
        var retry = await desk.Send(HttpMethod.Post, "/registrations/v1/visits", body, idempotencyKey: key);

        var again = await retry.Json200(HttpStatusCode.Created);
        Assert.Equal(first["id"]!.GetValue<Guid>(), again["id"]!.GetValue<Guid>());
        Assert.Equal("\"1\"", retry.ETag());
        Assert.Equal(1, await app.Scalar("SELECT count(*) FROM visit_list WHERE location_id = $1", location.LocationId));
    }

    [Fact]
    public async Task A_malformed_visit_id_is_a_400_naming_it()
    {
        var desk = app.Client(RegistrationsApp.Desk(Guid.NewGuid()));
        Assert.Equal(["id"], (await (await desk.GetAsync("/registrations/v1/visits/niet-een-uuid")).InvalidParams()).Select(e => e.Name));
        await (await desk.GetAsync($"/registrations/v1/visits/{Guid.NewGuid()}")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_same_key_for_a_different_visit_is_refused_and_stores_nothing()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        var key = Guid.NewGuid().ToString();
        await (await desk.PostJson("/registrations/v1/visits", Visit(location.LocationId), key)).Json200(HttpStatusCode.Created);

        var other = await desk.PostJson("/registrations/v1/visits", Visit(location.LocationId, "video"), key);

        await other.AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(1, await app.Scalar("SELECT count(*) FROM visit_list WHERE location_id = $1", location.LocationId));
    }

    [Fact]
    public async Task Without_a_key_two_posts_are_two_visits()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var desk = app.Client(RegistrationsApp.Desk(org));
        await (await desk.PostJson("/registrations/v1/visits", Visit(location.LocationId))).Json200(HttpStatusCode.Created);
        await (await desk.PostJson("/registrations/v1/visits", Visit(location.LocationId))).Json200(HttpStatusCode.Created);
        Assert.Equal(2, await app.Scalar("SELECT count(*) FROM visit_list WHERE location_id = $1", location.LocationId));
    }

    [Fact]
    public async Task The_code_lists_are_public_with_labels_and_validity()
    {
        var lists = await (await app.Client().GetAsync("/registrations/v1/code-lists")).Json200();
        var byName = lists["lists"]!.AsArray().ToDictionary(l => l!["name"]!.GetValue<string>());
        Assert.Equal(19, byName["topics"]!["codes"]!.AsArray().Count);
        var retired = byName["local-partner-kinds"]!["codes"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "formulierenbrigade");
        Assert.Equal("2025-12-31", retired!["validTo"]!.GetValue<string>());
        Assert.Equal("Telefonisch", byName["channels"]!["codes"]!.AsArray()
            .Single(c => c!["code"]!.GetValue<string>() == "phone")!["label"]!.GetValue<string>());
    }
}

using System.Net;
using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Security;
using static IdoPlatform.Registrations.Tests.Integration.Places;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>Desk staff register and read only for their own organisation's locations.</summary>
[Collection(RegistrationsCollection.Name)]
public sealed class AccessTests(RegistrationsApp app)
{
    [Fact]
    public async Task Another_organisations_desk_gets_no_data_and_changes_nothing()
    {
        var ours = Guid.NewGuid();
        var location = await app.AddLocation(ours);
        var desk = app.Client(RegistrationsApp.Desk(ours));
        var body = Visit(location.LocationId);
        var id = (await (await desk.PostJson("/registrations/v1/visits", body)).Json200(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var stranger = app.Client(RegistrationsApp.Desk(Guid.NewGuid()));
        await (await stranger.GetAsync($"/registrations/v1/visits/{id}")).AssertProblem(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/registrations/v1/visits/{id}/history")).AssertProblem(HttpStatusCode.NotFound);
        var correction = Correction(body);
        correction["channel"] = "phone";
        await (await stranger.PutJson($"/registrations/v1/visits/{id}", correction, "\"1\"")).AssertProblem(HttpStatusCode.NotFound);
        await (await stranger.PostJson($"/registrations/v1/visits/{id}/voiding", new JsonObject { ["reason"] = "weg" }))
            .AssertProblem(HttpStatusCode.NotFound);
        var before = await app.Stored();
        await (await stranger.PostJson("/registrations/v1/visits", Visit(location.LocationId))).AssertProblem(HttpStatusCode.Forbidden);
        await (await stranger.GetAsync($"/registrations/v1/visits?locationId={location.LocationId}")).AssertProblem(HttpStatusCode.Forbidden);
        var theirList = await (await stranger.GetAsync("/registrations/v1/visits")).Json200();
        Assert.Empty(theirList["items"]!.AsArray());
        Assert.Equal(before, await app.Stored());
    }

    [Fact]
    public async Task A_correction_cannot_move_a_visit_to_another_organisations_location()
    {
        var ours = Guid.NewGuid();
        var location = await app.AddLocation(ours);
        var theirs = await app.AddLocation(Guid.NewGuid());
        var desk = app.Client(RegistrationsApp.Desk(ours));
        var body = Visit(location.LocationId);
        var id = (await (await desk.PostJson("/registrations/v1/visits", body)).Json200(HttpStatusCode.Created))["id"]!.GetValue<Guid>();

        var move = Correction(body);
        move["locationId"] = theirs.LocationId;
        await (await desk.PutJson($"/registrations/v1/visits/{id}", move, "\"1\"")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Only_signed_in_desk_staff_may_register()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        await (await app.Client().PostJson("/registrations/v1/visits", Visit(location.LocationId)))
            .AssertProblem(HttpStatusCode.Unauthorized);
        await (await app.Client(new CurrentAccount("monitor-1", Roles.Monitor)).GetAsync("/registrations/v1/visits"))
            .AssertProblem(HttpStatusCode.Forbidden);
        await (await app.Client(new CurrentAccount("admin-1", Roles.LibraryAdmin, org)).PostJson("/registrations/v1/visits", Visit(location.LocationId)))
            .AssertProblem(HttpStatusCode.Forbidden);
    }
}

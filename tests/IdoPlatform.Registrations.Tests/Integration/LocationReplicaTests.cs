using IdoPlatform.Contracts.Offers;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>The location replica follows the offers service's events over RabbitMQ, idempotently.</summary>
[Collection(RegistrationsCollection.Name)]
public sealed class LocationReplicaTests(RegistrationsApp app)
{
    [Fact]
    public async Task A_change_is_taken_but_an_older_message_arriving_late_changes_nothing()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var renamed = location with { MunicipalityCode = "GM0307", MunicipalityName = "Amersfoort" };
        await app.Publish(new LocationChanged(renamed, DateTimeOffset.UtcNow.AddMinutes(1)));
        await Eventually.Get(async () => (await app.Replica.Find(location.LocationId))?.MunicipalityCode == "GM0307" ? "yes" : null,
            "the change reached the replica");

        await app.Publish(new LocationChanged(location with { MunicipalityCode = "GM0000" }, DateTimeOffset.UtcNow.AddDays(-1)));
        var marker = Places.Location(org);
        await app.Publish(new LocationRegistered(marker, DateTimeOffset.UtcNow));
        await Eventually.Get(() => app.Replica.Find(marker.LocationId), "a later message was handled"); // one queue, in order
        Assert.Equal("GM0307", (await app.Replica.Find(location.LocationId))!.MunicipalityCode);
    }

    [Fact]
    public async Task A_redelivered_message_has_no_second_effect_and_a_closure_is_never_undone()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        var closedOn = new DateOnly(2026, 3, 1);
        var messageId = Guid.NewGuid();
        await app.Publish(new LocationClosed(location.LocationId, org, closedOn, DateTimeOffset.UtcNow), messageId);
        await Eventually.Get(async () => (await app.Replica.Find(location.LocationId))?.ClosedOn is not null ? "closed" : null,
            "the closure reached the replica");

        await app.Publish(new LocationChanged(location, DateTimeOffset.UtcNow.AddMinutes(5)));
        await app.Publish(new LocationClosed(location.LocationId, org, closedOn, DateTimeOffset.UtcNow), messageId);
        var marker = Places.Location(org);
        await app.Publish(new LocationRegistered(marker, DateTimeOffset.UtcNow));
        await Eventually.Get(() => app.Replica.Find(marker.LocationId), "the later messages were handled");

        Assert.Equal(closedOn, (await app.Replica.Find(location.LocationId))!.ClosedOn);
        Assert.Equal(1, await app.Scalar("SELECT count(*) FROM ido_inbox WHERE message_id = $1", messageId));
    }

    [Fact]
    public async Task A_found_location_is_remembered_briefly_but_forgotten_when_a_change_is_applied_here()
    {
        var org = Guid.NewGuid();
        var location = await app.AddLocation(org);
        await Task.Delay(100); // the consumer forgets the location just after its commit, which AddLocation waited for
        await app.Replica.Find(location.LocationId);

        // Another replica's change: not seen until the memory is stale…
        await app.Scalar("UPDATE known_locations SET name = 'Elders gewijzigd' WHERE location_id = $1 RETURNING 1", location.LocationId);
        Assert.Equal(location.Name, (await app.Replica.Find(location.LocationId))!.Name);

        // …but a change this process applies is seen at once.
        await app.Publish(new LocationChanged(location with { Name = "Hier gewijzigd" }, DateTimeOffset.UtcNow.AddMinutes(1)));
        await Eventually.Get(async () => (await app.Replica.Find(location.LocationId))?.Name == "Hier gewijzigd" ? "yes" : null,
            "the change applied here was seen");
    }

    [Fact]
    public async Task An_unknown_location_is_not_remembered()
    {
        var id = $"NL-999999-{Random.Shared.Next(1000, 9999)}";
        Assert.Null(await app.Replica.Find(id));

        await app.Scalar("""
            INSERT INTO known_locations (location_id, organisation_id, name, municipality_code, municipality_name,
                                         province, has_ido, details_at)
            VALUES ($1, gen_random_uuid(), 'Nieuw', 'GM0363', 'Amsterdam', 'NH', true, now()) RETURNING 1
            """, id);

        Assert.Equal("Nieuw", (await app.Replica.Find(id))!.Name);
    }
}

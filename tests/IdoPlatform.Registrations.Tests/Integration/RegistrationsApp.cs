using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Registrations.Locations;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>
/// The registrations service in-process on a fresh database of the real PostgreSQL and a fresh virtual
/// host of the real RabbitMQ, with a clock the tests set. Shared by the integration collection, whose
/// tests run one after another; each test uses its own organisation and locations.
/// </summary>
public sealed class RegistrationsApp : ServiceApp<Program>
{
    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>What the relay published, read from monitoring's visit queue.</summary>
    public RelayedMessages Relayed { get; private set; } = null!;

    protected override string Prefix => "registrations";

    protected override TimeProvider ServiceClock => Clock;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Relayed = new RelayedMessages(AmqpUri, "monitoring-visits");
    }

    // The consumer's queue must be bound before the tests publish locations to it.
    protected override void ConfigureWebHost(IWebHostBuilder web) =>
        web.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));

    public static CurrentAccount Desk(Guid organisationId) => new($"desk-{Guid.NewGuid():N}", Roles.Desk, organisationId);

    /// <summary>A location with an IDO of <paramref name="organisationId"/>, known to the service once this returns.</summary>
    public async Task<LocationDetails> AddLocation(Guid organisationId, bool hasIdo = true, string? municipality = null)
    {
        var location = Places.Location(organisationId, hasIdo, municipality);
        await Publish(new LocationRegistered(location, DateTimeOffset.UtcNow));
        await Eventually.Get(() => Replica.Find(location.LocationId), $"location {location.LocationId} reached the replica");
        return location;
    }

    public LocationReplica Replica => Services.GetRequiredService<LocationReplica>();

    /// <summary>Everything the service has stored: events and read-model rows.</summary>
    public async Task<(long Events, long Visits)> Stored() =>
        (await EventCount(), await Scalar("SELECT count(*) FROM visit_list"));
}

/// <summary>The relayed messages about one visit.</summary>
public static class RelayedVisits
{
    /// <summary>The messages published for one visit, in order, once they include <paramref name="last"/>.</summary>
    public static Task<IReadOnlyList<RelayedMessage>> For(this RelayedMessages relayed, Guid visitId, string last) =>
        relayed.About(m => m["visit"]?["visitId"]?.GetValue<Guid>() == visitId, last, $"the relay published {last} for visit {visitId}");
}

[CollectionDefinition(Name)]
public sealed class RegistrationsCollection : ICollectionFixture<RegistrationsApp>
{
    public const string Name = "registrations service on real PostgreSQL and RabbitMQ";
}

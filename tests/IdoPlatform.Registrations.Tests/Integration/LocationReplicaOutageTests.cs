using IdoPlatform.BuildingBlocks.Messaging.DeadLetters;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.Contracts.Offers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>The service's database away for 30 s while the offers service keeps publishing locations:
/// the replica misses none of them afterwards, and nothing is dead-lettered.</summary>
public sealed class LocationReplicaOutageTests(LocationReplicaOutageTests.CutOffApp app) : IClassFixture<LocationReplicaOutageTests.CutOffApp>
{
    [Fact]
    public async Task Locations_published_while_the_database_is_down_for_30_seconds_all_reach_the_replica()
    {
        var org = Guid.NewGuid();
        await Register(org, 5);
        await Eventually.Get(async () => await Replicated(org) == 5 ? "yes" : null, "the first five replicated");

        app.Database.Cut();
        await Register(org, 10);
        await Task.Delay(TimeSpan.FromSeconds(15)); // far beyond the quick retries a bad message gets
        await Register(org, 10);
        await Task.Delay(TimeSpan.FromSeconds(15));
        app.Database.Restore();

        await Eventually.Get(async () => await Replicated(org) == 25 ? "yes" : null, "all twenty-five replicated");
        var deadLetters = await app.Services.GetRequiredService<DeadLetterQueues>()
            .Count([ConsumerEndpoints.RegistrationsLocations.QueueName]);
        Assert.Equal(0u, deadLetters.Single().Value);
    }

    private async Task Register(Guid org, int count)
    {
        for (var i = 0; i < count; i++)
            await app.Publish(new LocationRegistered(Places.Location(org), DateTimeOffset.UtcNow));
    }

    private async Task<long> Replicated(Guid org)
    {
        try
        {
            return await app.Scalar("SELECT count(*) FROM known_locations WHERE organisation_id = $1", org);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0; // the consumer creates its schema on its first message
        }
    }

    /// <summary>The service reaches its database through a link the test can cut (the test's own queries do not).</summary>
    public sealed class CutOffApp : ServiceApp<Program>
    {
        protected override string Prefix => "registrations";

        protected override bool DatabaseCanBeCut => true;

        protected override void ConfigureWebHost(IWebHostBuilder web) =>
            web.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
    }
}

using IdoPlatform.BuildingBlocks.Messaging.DeadLetters;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Referrals.Features.Referrals;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>Referrals' database away for 30 s while registrations keeps publishing visits that carry referral codes
/// and offers keeps publishing locations: afterwards every referral has arrived and the location replica has every
/// location, and nothing was dead-lettered (<c>referrals-visits</c>, <c>referrals-locations</c>).</summary>
public sealed class ConsumerOutageTests(ConsumerOutageTests.CutOffApp app) : IClassFixture<ConsumerOutageTests.CutOffApp>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task Visits_and_locations_arriving_while_the_database_is_down_for_30_seconds_all_take_effect()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var referrals = new List<ReferralResponse>();
        for (var i = 0; i < 10; i++) referrals.Add(await ReferralTestData.Issue(app, "toeslagen", location));
        var locations = Enumerable.Range(0, 10).Select(_ => Places.NewLocationId()).ToList();

        app.Database.Cut();
        await Arrive(referrals[..5], location);
        await Register(locations[..5]);
        await Task.Delay(TimeSpan.FromSeconds(15)); // far beyond the quick retries a bad message gets
        await Arrive(referrals[5..], location);
        await Register(locations[5..]);
        await Task.Delay(TimeSpan.FromSeconds(15));
        app.Database.Restore();

        foreach (var referral in referrals)
            await Eventually.Get(async () => await ReferralTestData.Detail(app, "toeslagen", referral.Code),
                d => d.Referral.Status == ReferralStatus.Arrived, $"referral {referral.Code} arrived");
        await Eventually.Get(async () => await Replicated(locations) == locations.Count ? "yes" : null, "all ten locations replicated");
        var deadLetters = await app.Services.GetRequiredService<DeadLetterQueues>()
            .Count([ConsumerEndpoints.ReferralsVisits.QueueName, ConsumerEndpoints.ReferralsLocations.QueueName]);
        Assert.All(deadLetters, queue => Assert.Equal(0u, queue.Value));
    }

    private async Task Arrive(IEnumerable<ReferralResponse> referrals, string location)
    {
        foreach (var referral in referrals)
            await app.Publish(ReferralTestData.Visit(location, Organisation, referral.Code, app.Clock.GetUtcNow()));
    }

    private async Task Register(IEnumerable<string> locations)
    {
        foreach (var id in locations)
            await app.Publish(new LocationRegistered(Places.Location(id, Organisation, 52.09, 5.12), DateTimeOffset.UtcNow));
    }

    private Task<long> Replicated(List<string> locations) =>
        app.Scalar("SELECT count(*) FROM replica_locations WHERE location_id = ANY($1)", new object[] { locations.ToArray() });

    /// <summary>The referrals service reaching its database through a link the test cuts.</summary>
    public sealed class CutOffApp : ReferralsApp
    {
        protected override bool DatabaseCanBeCut => true;

        protected override void ConfigureWebHost(IWebHostBuilder web)
        {
            base.ConfigureWebHost(web);
            web.ConfigureTestServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        }
    }
}

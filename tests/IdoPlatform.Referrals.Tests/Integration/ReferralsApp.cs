using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Referrals.Features.ExpireReferrals;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>
/// The referrals service in-process on a fresh database of the real PostgreSQL and a fresh virtual host
/// of the real RabbitMQ, with a clock the tests move. Shared by the integration collection, whose
/// tests run one after another, so a clock jump never surprises a test midway.
/// </summary>
public class ReferralsApp : ServiceApp<Program>
{
    public const int ValidDays = 10;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>What the relay published, read from monitoring's referral queue.</summary>
    public RelayedMessages Relayed { get; private set; } = null!;

    protected override string Prefix => "referrals";

    protected override TimeProvider ServiceClock => Clock;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Relayed = new RelayedMessages(AmqpUri, "monitoring-referrals");
    }

    protected override void ConfigureWebHost(IWebHostBuilder web)
    {
        web.UseSetting("Referrals:ValidDays", ValidDays.ToString());
        // The background sweep waits a long (real) hour between rounds; tests call SweepOnce themselves.
        web.UseSetting("Referrals:ExpirySweepInterval", "01:00:00");
        web.UseSetting("Seeds:LoadDemo", "true");
    }

    public static CurrentAccount Agency(string code) => new($"agency-{code}-{Guid.NewGuid():N}", Roles.Agency, AgencyCode: code);

    public static CurrentAccount Desk(Guid organisationId) => new($"desk-{Guid.NewGuid():N}", Roles.Desk, organisationId);

    public static CurrentAccount Monitor() => new($"monitor-{Guid.NewGuid():N}", Roles.Monitor);

    public Task<int> SweepExpired() => Services.GetRequiredService<ExpirySweep>().SweepOnce(CancellationToken.None);
}

/// <summary>The relayed messages about one referral.</summary>
public static class RelayedReferrals
{
    /// <summary>The types published for one referral code, in order, once they include <paramref name="last"/>.</summary>
    public static async Task<IReadOnlyList<string>> TypesFor(this RelayedMessages relayed, string code, string last) =>
        (await relayed.About(m => m["referral"]?["code"]?.GetValue<string>() == code, last, $"the relay published {last} for {code}"))
        .Select(m => m.Type).ToList();
}

[CollectionDefinition(Name)]
public sealed class ReferralsCollection : ICollectionFixture<ReferralsApp>
{
    public const string Name = "referrals service on real PostgreSQL and RabbitMQ";
}

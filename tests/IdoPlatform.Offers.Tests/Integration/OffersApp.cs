using IdoPlatform.BuildingBlocks.Security;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>
/// The offers service in-process on a fresh database of the real PostgreSQL and a fresh virtual host of
/// the real RabbitMQ. Offer types are always seeded; the demo set only where a test asks for it.
/// </summary>
public class OffersApp : ServiceApp<Program>
{
    protected override string Prefix => "offers";

    protected override void ConfigureWebHost(IWebHostBuilder web) => web.UseSetting("Seeds:LoadDemo", "false");

    /// <summary>Domain events stored so far: a refused request must not change it. Marten's tombstones, which fill
    /// the sequence numbers a failed append drew (so the daemon need not wait for them), are not events of ours.</summary>
    public Task<long> DomainEventCount() => EventCount();

    public static CurrentAccount PlatformAdmin() => new($"platform-{Guid.NewGuid():N}", Roles.PlatformAdmin);

    public static CurrentAccount LibraryAdmin(Guid organisationId) => new($"admin-{Guid.NewGuid():N}", Roles.LibraryAdmin, organisationId);
}

[CollectionDefinition(Name)]
public sealed class OffersCollection : ICollectionFixture<OffersApp>
{
    public const string Name = "offers service on real PostgreSQL and RabbitMQ";
}

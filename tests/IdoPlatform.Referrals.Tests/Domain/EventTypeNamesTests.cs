using System.Runtime.CompilerServices;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals;

namespace IdoPlatform.Referrals.Tests.Domain;

/// <summary>
/// Marten stores an event type it has no name for under its CLR name, without complaint; renaming the class would
/// then orphan every stored event. So every event the domain appends must have a stable name.
/// </summary>
public class EventTypeNamesTests
{
    private static EventTypeRegistry Registry()
    {
        var registry = new EventTypeRegistry();
        ReferralsEventTypes.Register(registry);
        return registry;
    }

    /// <summary>The domain's events by its naming convention: records in the feature namespaces named as a past fact
    /// (ReferralIssued, ReferralProfileRevised); states, requests and responses are nouns.</summary>
    private static IEnumerable<Type> DomainEvents() => typeof(Referral).Assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith("IdoPlatform.Referrals.Features", StringComparison.Ordinal) == true)
        .Where(t => t.IsClass && !t.IsAbstract && !t.IsDefined(typeof(CompilerGeneratedAttribute), false))
        .Where(t => t.GetMethod("<Clone>$") is not null) // a record
        .Where(t => t.Name.EndsWith("ed", StringComparison.Ordinal));

    [Fact]
    public void Every_domain_event_has_a_stable_name()
    {
        var registry = Registry();
        var unnamed = DomainEvents().Where(t => !registry.IsRegistered(t)).Select(t => t.Name).ToList();
        Assert.Empty(unnamed);
    }

    [Fact]
    public void Every_named_type_is_a_domain_event_and_every_name_is_unique()
    {
        var mapped = Registry().Mapped.ToList();
        Assert.Equal(DomainEvents().OrderBy(t => t.Name), mapped.Select(m => m.Type).OrderBy(t => t.Name));
        Assert.Equal(mapped.Count, mapped.Select(m => m.StoredName).Distinct().Count());
    }
}

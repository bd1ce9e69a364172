using System.Runtime.CompilerServices;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers.Tests.Domain;

/// <summary>
/// Marten stores an unmapped event type under its CLR name without complaint, and a renamed class would then
/// orphan its stored events. So every type a stream of the offers service folds must have a stable alias.
/// </summary>
public class EventTypeTests
{
    /// <summary>Each stream type's evolve function, with a state for the events that need one.</summary>
    private static readonly (object State, Func<object?, object, object?> Evolve)[] Streams =
    [
        (new Organisation(Samples.Library, "100001", new OrganisationFacts("Bieb", "bibliotheek", true)),
            (s, e) => Organisation.Evolve((Organisation?)s, e)),
        (Samples.OpenLocation(), (s, e) => Location.Evolve((Location?)s, e)),
        (Samples.InloopType(), (s, e) => OfferType.Evolve((OfferType?)s, e)),
        (Samples.Draft(), (s, e) => Offer.Evolve((Offer?)s, e)),
        (new LocationClaim(Guid.NewGuid(), "NL-100001-0001"), (s, e) => LocationClaim.Evolve((LocationClaim?)s, e)),
    ];

    [Fact]
    public void Every_event_a_stream_folds_has_a_stable_name_and_every_name_belongs_to_one()
    {
        var registry = new EventTypeRegistry();
        OffersEventTypes.RegisterEvents(registry);

        var folded = typeof(OffersEventTypes).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && !t.IsSubclassOf(typeof(Delegate)))
            .Where(IsFolded)
            .Select(t => t.Name).Order().ToList();

        Assert.NotEmpty(folded);
        Assert.Equal(folded, registry.Mapped.Select(m => m.Type.Name).Order().ToList());
        Assert.All(registry.Mapped, m => Assert.DoesNotContain("_", m.StoredName));
    }

    /// <summary>An event is what some stream's evolve function does not pass over: it starts a state or changes one.</summary>
    private static bool IsFolded(Type type)
    {
        var candidate = RuntimeHelpers.GetUninitializedObject(type);
        return Streams.Any(s => s.Evolve(null, candidate) is not null || !ReferenceEquals(s.Evolve(s.State, candidate), s.State));
    }
}

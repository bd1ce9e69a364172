using IdoPlatform.Registrations;
using System.Runtime.CompilerServices;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Testing;

namespace IdoPlatform.Registrations.Tests.Unit;

/// <summary>Every event the visit stream appends has a stable name (Marten would silently use a CLR-derived one).</summary>
public class EventTypeNamesTests
{
    /// <summary>The domain's events by their naming convention: records in the feature namespaces named as a past fact
    /// (VisitRegistered, VisitNoteErased); states, requests and responses are nouns.</summary>
    private static bool IsDomainEvent(Type t) =>
        t.Namespace?.StartsWith("IdoPlatform.Registrations.Features", StringComparison.Ordinal) == true
        && t.IsClass && !t.IsDefined(typeof(CompilerGeneratedAttribute), false)
        && t.GetMethod("<Clone>$") is not null
        && t.Name.EndsWith("ed", StringComparison.Ordinal);

    [Fact]
    public void Every_visit_event_has_a_stable_name_and_every_name_is_one_types()
    {
        var registry = new EventTypeRegistry();
        RegistrationsEventTypes.Register(registry);
        EventTypeGuard.AssertEveryEventTypeIsMapped(typeof(Visit).Assembly, registry, IsDomainEvent);
        Assert.Equal(["visit-corrected", "visit-note-erased", "visit-registered", "visit-voided"],
            registry.Mapped.Select(m => m.StoredName).Order());
    }
}

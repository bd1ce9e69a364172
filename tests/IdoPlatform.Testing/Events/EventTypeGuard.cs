using System.Reflection;
using IdoPlatform.BuildingBlocks.EventStore;
using Xunit;

namespace IdoPlatform.Testing;

/// <summary>
/// Marten stores an event type that has no stable name under a CLR-derived one, without complaint; renaming
/// the class would then orphan its stored events. Each service's tests run this guard over its event types.
/// </summary>
public static class EventTypeGuard
{
    /// <summary>Every type of <paramref name="assembly"/> that <paramref name="isEventType"/> selects has a stable name
    /// in <paramref name="registry"/>, and no two types share a stored name.</summary>
    public static void AssertEveryEventTypeIsMapped(Assembly assembly, EventTypeRegistry registry, Func<Type, bool> isEventType)
    {
        var events = assembly.GetTypes().Where(t => !t.IsAbstract && isEventType(t)).ToList();
        Assert.NotEmpty(events);
        var unmapped = events.Where(t => !registry.IsRegistered(t)).Select(t => t.FullName).ToList();
        Assert.True(unmapped.Count == 0, $"Event types without a stable name (register them): {string.Join(", ", unmapped)}");

        var shared = registry.Mapped.GroupBy(m => m.StoredName).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(shared.Count == 0, $"Stored names used by more than one type: {string.Join(", ", shared)}");
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Monitoring.EventLog;
using IdoPlatform.Testing;

namespace IdoPlatform.Monitoring.Tests.Unit;

/// <summary>Every integration message monitoring records has a stable name in its log (Marten would silently use a
/// CLR-derived one, and a renamed contract would then orphan the recorded history).</summary>
public class EventTypeNamesTests
{
    private static readonly Type[] Consumers = typeof(MonitoringEventTypes).Assembly.GetTypes()
        .Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MassTransit.IConsumer<>)))
        .ToArray();

    /// <summary>The messages monitoring's consumers take in.</summary>
    private static bool IsConsumed(Type message) => Consumers.Any(c => c.GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(MassTransit.IConsumer<>) && i.GetGenericArguments()[0] == message));

    [Fact]
    public void Every_consumed_message_has_a_stable_name_in_the_log()
    {
        var registry = new EventTypeRegistry();
        MonitoringEventTypes.Register(registry);
        Assert.NotEmpty(Consumers);
        EventTypeGuard.AssertEveryEventTypeIsMapped(typeof(VisitRegistered).Assembly, registry, IsConsumed);
    }
}

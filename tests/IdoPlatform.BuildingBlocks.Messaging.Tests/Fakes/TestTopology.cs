using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Topology;
using IdoPlatform.Contracts.Queues;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;

/// <summary>The test's own catalogue: the "audit" service hears the box office's tickets.</summary>
public static class TestTopology
{
    public static readonly ConsumerEndpoint AuditTickets = new("audit-tickets", typeof(TicketSold));

    public static readonly IReadOnlyList<ConsumerEndpoint> Catalogue = [AuditTickets];
}

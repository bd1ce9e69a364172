using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Topology;
using IdoPlatform.Contracts.Registrations;
using MassTransit;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Unit;

public sealed class MessageExchangeTests
{
    [Fact]
    public void A_message_type_is_published_to_the_exchange_named_namespace_colon_type()
    {
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host("localhost")); // never started

        Assert.Equal("IdoPlatform.Contracts.Registrations:VisitRegistered", MessageExchanges.For(bus, typeof(VisitRegistered)));
        Assert.Equal("IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts:TicketSold", MessageExchanges.For(bus, typeof(TicketSold)));
    }

    [Fact]
    public void Quorum_queues_carry_the_queue_type_argument_and_classic_ones_none()
    {
        Assert.Equal(new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, QueueShape.QueueArguments(quorum: true));
        Assert.Empty(QueueShape.QueueArguments(quorum: false));
    }
}

using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Unit;

public sealed class IntegrationEventMapTests
{
    static readonly IntegrationEventMap Map = new IntegrationEventMap()
        .Map<Sold, TicketSold>((sold, stored) => sold.Number < 0 ? null : new TicketSold(stored.StreamId, sold.Number));

    [Fact]
    public void A_mapped_event_becomes_its_message()
    {
        var stored = Stored(new Sold(4));

        Assert.Equal(new TicketSold(stored.StreamId, 4), Map.ToMessage(stored));
    }

    [Fact]
    public void An_unmapped_event_has_no_message() => Assert.Null(Map.ToMessage(Stored(new NoteTaken("x"))));

    [Fact]
    public void A_map_may_decide_an_event_has_no_message() => Assert.Null(Map.ToMessage(Stored(new Sold(-1))));

    [Fact]
    public void The_published_message_types_are_known_up_front() => Assert.Equal([typeof(TicketSold)], Map.MessageTypes);

    [Fact]
    public void A_domain_event_maps_to_one_message_type_only() =>
        Assert.Throws<InvalidOperationException>(() =>
            new IntegrationEventMap().Map<Sold, TicketSold>((_, _) => null).Map<Sold, TicketSold>((_, _) => null));

    static StoredEvent Stored(object data) => new(1, Guid.NewGuid(), 1, "alias", data,
        new EventMetadata(Guid.NewGuid(), DateTimeOffset.UtcNow, null, null, null));
}

using System.Collections.Concurrent;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.BuildingBlocks.Messaging.Topology;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>A queue with a <see cref="RoutingFilter"/> (here: even-numbered sales only, as referrals takes only
/// visits with a referral code) gets only what its filter applies to: the publisher stamps the header, the broker
/// routes on it, and consumer and publisher declare the same layout.</summary>
public sealed class RoutingFilterTests
{
    static readonly RoutingFilter EvenOnly = new("Ido-Even", m => m is TicketSold { Number: var n } && n % 2 == 0);
    static readonly ConsumerEndpoint EvenTickets = new("audit-even-tickets", typeof(TicketSold)) { OnlyWith = EvenOnly };

    [Fact]
    public async Task A_filtered_queue_gets_only_what_its_filter_applies_to_declared_by_the_publisher_then_the_consumer()
    {
        var broker = await RealServers.NewVirtualHostAsync("filter");
        using var boxOffice = await StartBoxOffice(broker);
        await Declarer(boxOffice, EvenTickets).EnsureDeclared([typeof(TicketSold)], CancellationToken.None);

        await Sell(boxOffice, 1, 10); // before any consumer: they wait in its queue
        Assert.Equal(5u, await Queues.Count(broker, EvenTickets.QueueName));

        var received = new ConcurrentQueue<int>();
        using var audit = await StartAudit(broker, received); // its own declarations must match the publisher's
        await Sell(boxOffice, 11, 20);
        await Eventually.True(() => Task.FromResult(received.Count >= 10), "the ten even sales consumed", TimeSpan.FromSeconds(15));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 2), received.Order());
    }

    [Fact]
    public async Task A_queue_bound_before_it_had_a_filter_gets_only_what_the_filter_lets_through_once_a_publisher_declares_it()
    {
        var broker = await RealServers.NewVirtualHostAsync("filter");
        using var boxOffice = await StartBoxOffice(broker);
        var unfiltered = new ConsumerEndpoint(EvenTickets.QueueName, typeof(TicketSold));
        await Declarer(boxOffice, unfiltered).EnsureDeclared([typeof(TicketSold)], CancellationToken.None);
        await Sell(boxOffice, 1, 4);
        Assert.Equal(4u, await Queues.Count(broker, EvenTickets.QueueName)); // the old layout passes everything

        await Declarer(boxOffice, EvenTickets).EnsureDeclared([typeof(TicketSold)], CancellationToken.None);
        await Sell(boxOffice, 5, 10);

        Assert.Equal(4u + 3u, await Queues.Count(broker, EvenTickets.QueueName)); // 6, 8 and 10 only
    }

    static Task<IHost> StartBoxOffice(Uri broker) => TestServices.Start(broker, quorum: false, builder =>
        builder.Services.AddMessaging(builder.Configuration, "boxoffice", m => m.Catalogue = [EvenTickets]));

    static Task<IHost> StartAudit(Uri broker, ConcurrentQueue<int> received) => TestServices.Start(broker, quorum: false, builder =>
    {
        builder.Services.AddSingleton(received);
        builder.Services.AddMessaging(builder.Configuration, "audit", m =>
        {
            m.Catalogue = [EvenTickets];
            m.Consume<EvenTicketConsumer>(EvenTickets);
        });
    });

    /// <summary>A publisher's declarer for one catalogue entry (the platform's takes its catalogue from contracts).</summary>
    static ConsumerQueueDeclarer Declarer(IHost publisher, ConsumerEndpoint endpoint) => new(
        publisher.Services.GetRequiredService<IBus>(), publisher.Services.GetRequiredService<MessagingOptions>(),
        new ConsumerCatalogue([endpoint]), NullLogger<ConsumerQueueDeclarer>.Instance);

    /// <summary>Publishes sales <paramref name="from"/>..<paramref name="to"/>, each confirmed (so routed) before it returns.</summary>
    static async Task Sell(IHost boxOffice, int from, int to)
    {
        var bus = boxOffice.Services.GetRequiredService<IBus>();
        for (var number = from; number <= to; number++) await bus.Publish(new TicketSold(Guid.NewGuid(), number));
    }

    sealed class EvenTicketConsumer(ConcurrentQueue<int> received) : IConsumer<TicketSold>
    {
        public Task Consume(ConsumeContext<TicketSold> context)
        {
            received.Enqueue(context.Message.Number);
            return Task.CompletedTask;
        }
    }
}

using MassTransit;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace IdoPlatform.BuildingBlocks.Messaging.Topology;

/// <summary>
/// Declares, on behalf of a publisher, the queues of every consumer endpoint that takes one of the
/// message types it publishes, with their bindings, shaped exactly as MassTransit declares them when
/// the consumer starts (<see cref="QueueShape"/>). Done once per process, before the first publish;
/// a failure (broker away) is thrown so the caller retries later.
/// </summary>
public sealed class ConsumerQueueDeclarer(
    IBus bus,
    MessagingOptions options,
    ConsumerCatalogue catalogue,
    ILogger<ConsumerQueueDeclarer> logger)
{
    readonly SemaphoreSlim _gate = new(1, 1);
    volatile bool _declared;

    public async Task EnsureDeclared(IReadOnlyCollection<Type> publishedTypes, CancellationToken ct)
    {
        if (_declared) return;
        await _gate.WaitAsync(ct);
        try
        {
            if (_declared) return;
            await Declare(publishedTypes, ct);
            _declared = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    async Task Declare(IReadOnlyCollection<Type> publishedTypes, CancellationToken ct)
    {
        var endpoints = catalogue.Endpoints.Where(e => e.MessageTypes.Any(publishedTypes.Contains)).ToList();
        if (endpoints.Count == 0) return;

        var address = RabbitMqAddress.Parse(options.ConnectionString);
        var factory = address.CreateConnectionFactory(options.PublishTimeout);
        await using var connection = await factory.CreateConnectionAsync("topology-declarer", ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);

        foreach (var endpoint in endpoints)
        {
            var queue = endpoint.QueueName;
            await channel.ExchangeDeclareAsync(queue, QueueShape.ExchangeType, QueueShape.Durable, QueueShape.AutoDelete,
                cancellationToken: ct);
            await channel.QueueDeclareAsync(queue, QueueShape.Durable, QueueShape.Exclusive, QueueShape.AutoDelete,
                QueueShape.QueueArguments(options.QuorumQueues), cancellationToken: ct);
            await channel.QueueBindAsync(queue, queue, "", cancellationToken: ct);

            var destination = queue;
            if (endpoint.OnlyWith is { } filter)
            {
                destination = QueueShape.FilterExchange(endpoint, filter);
                await channel.ExchangeDeclareAsync(destination, QueueShape.FilterExchangeType, QueueShape.Durable,
                    QueueShape.AutoDelete, cancellationToken: ct);
                await channel.ExchangeBindAsync(destination: queue, source: destination, routingKey: "",
                    QueueShape.FilterBindingArguments(filter), cancellationToken: ct);
            }

            foreach (var messageType in endpoint.MessageTypes.Where(publishedTypes.Contains))
            {
                var exchange = MessageExchanges.For(bus, messageType);
                await channel.ExchangeDeclareAsync(exchange, QueueShape.ExchangeType, QueueShape.Durable,
                    QueueShape.AutoDelete, cancellationToken: ct);
                await channel.ExchangeBindAsync(destination: destination, source: exchange, routingKey: "", cancellationToken: ct);
                // A broker from before the filter still passes every message straight to the queue; only after
                // the filtered route exists, so nothing goes unrouted in between. (Unbinding is a no-op once gone.)
                if (destination != queue)
                    await channel.ExchangeUnbindAsync(destination: queue, source: exchange, routingKey: "", cancellationToken: ct);
            }
            logger.LogInformation("Declared consumer queue {Queue} for {Types}", queue,
                string.Join(", ", endpoint.MessageTypes.Where(publishedTypes.Contains).Select(t => t.Name)));
        }
    }
}

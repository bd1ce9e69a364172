using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace IdoPlatform.Testing.Services;

/// <summary>One integration message as MassTransit put it on the wire: its type's short name, id and body.</summary>
public sealed record RelayedMessage(string Type, Guid MessageId, JsonNode Message);

/// <summary>
/// A test consumer on the real RabbitMQ: reads what a service's relay published from a consumer's queue
/// (monitoring's, say), which the relay declares before its first publish; that consumer itself is not
/// running. Messages are kept across calls, as the queue hands each out once.
/// </summary>
public sealed class RelayedMessages(Uri amqpUri, string queue)
{
    private readonly List<RelayedMessage> _seen = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Everything that reached the queue so far, in order.</summary>
    public async Task<IReadOnlyList<RelayedMessage>> All()
    {
        await _gate.WaitAsync();
        try
        {
            var factory = new ConnectionFactory { Uri = amqpUri };
            await using var connection = await factory.CreateConnectionAsync();
            await using var channel = await connection.CreateChannelAsync();
            try
            {
                while (await channel.BasicGetAsync(queue, autoAck: true) is { } delivery)
                {
                    var envelope = JsonNode.Parse(Encoding.UTF8.GetString(delivery.Body.Span))!;
                    var type = envelope["messageType"]!.AsArray()[0]!.GetValue<string>().Split(':')[^1];
                    _seen.Add(new RelayedMessage(type, Guid.Parse(envelope["messageId"]!.GetValue<string>()), envelope["message"]!));
                }
            }
            catch (OperationInterruptedException)
            {
                // The queue is not declared yet: the relay has published nothing so far.
            }
            return _seen.ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The first message of <paramref name="type"/> whose body matches, once it arrived.</summary>
    public Task<RelayedMessage> WaitFor(string type, Func<JsonNode, bool> match) =>
        Eventually.Get(async () => (await All()).FirstOrDefault(m => m.Type == type && match(m.Message)),
            $"a {type} reached queue {queue}");

    /// <summary>The messages about one thing (a visit, a referral), in order, once they include one of type <paramref name="last"/>.</summary>
    public Task<IReadOnlyList<RelayedMessage>> About(Func<JsonNode, bool> concerns, string last, string what) =>
        Eventually.Get<IReadOnlyList<RelayedMessage>>(async () =>
            {
                var mine = (await All()).Where(m => concerns(m.Message)).ToList();
                return mine.Any(m => m.Type == last) ? mine : null;
            }, what);
}

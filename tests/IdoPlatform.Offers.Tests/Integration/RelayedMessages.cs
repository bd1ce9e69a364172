using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>
/// Reads what the relay published from a consumer's queue (monitoring's), which the relay declares
/// before it publishes; monitoring itself is not running here. Kept across calls, as reading drains the queue.
/// </summary>
public sealed class RelayedMessages(Uri amqpUri, string queue)
{
    private readonly List<(string Type, Guid MessageId, JsonNode Message)> _seen = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IReadOnlyList<(string Type, Guid MessageId, JsonNode Message)>> All()
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
                    _seen.Add((type, Guid.Parse(envelope["messageId"]!.GetValue<string>()), envelope["message"]!));
                }
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
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

    /// <summary>Waits until a message of <paramref name="type"/> matching <paramref name="match"/> arrived.</summary>
    public async Task<(string Type, Guid MessageId, JsonNode Message)> WaitFor(string type, Func<JsonNode, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var found = (await All()).FirstOrDefault(m => m.Type == type && match(m.Message));
            if (found.Message is not null) return found;
            if (DateTime.UtcNow > deadline) Assert.Fail($"No {type} reached queue {queue} within 60 s.");
            await Task.Delay(100);
        }
    }
}

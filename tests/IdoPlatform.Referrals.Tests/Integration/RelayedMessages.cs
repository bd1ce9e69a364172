using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>
/// Reads what the relay published from monitoring's queue, which the relay declares before publishing
/// (monitoring itself is not running here). Kept across calls, as the queue is drained once per message.
/// </summary>
public sealed class RelayedMessages(Uri amqpUri)
{
    private const string Queue = "monitoring-referrals";
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
            while (await channel.BasicGetAsync(Queue, autoAck: true) is { } delivery)
            {
                var envelope = JsonNode.Parse(Encoding.UTF8.GetString(delivery.Body.Span))!;
                var type = envelope["messageType"]!.AsArray()[0]!.GetValue<string>().Split(':')[^1];
                _seen.Add((type, Guid.Parse(envelope["messageId"]!.GetValue<string>()), envelope["message"]!));
            }
            return _seen.ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The types published for one referral code, in order, once they include <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<string>> TypesFor(string code, string last)
    {
        var messages = await Eventually.Get(async () =>
            {
                var all = await All();
                var mine = all.Where(m => m.Message["referral"]?["code"]?.GetValue<string>() == code).ToList();
                return mine.Any(m => m.Type == last) ? mine : null;
            }, _ => true, $"the relay published {last} for {code}");
        return messages.Select(m => m.Type).ToList();
    }
}

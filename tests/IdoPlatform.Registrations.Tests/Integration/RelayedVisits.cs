using System.Text;
using System.Text.Json.Nodes;
using RabbitMQ.Client;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>
/// A test consumer on the real RabbitMQ: it reads what the relay published from monitoring's visit
/// queue, which the relay declares before its first publish (monitoring itself is not running here).
/// Messages are kept across calls, as the queue hands each out once.
/// </summary>
public sealed class RelayedVisits(Uri amqpUri)
{
    private const string Queue = "monitoring-visits";
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
                while (await channel.BasicGetAsync(Queue, autoAck: true) is { } delivery)
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

    /// <summary>The types published for one visit, in order, once they include <paramref name="last"/>.</summary>
    public async Task<IReadOnlyList<(string Type, JsonNode Message)>> For(Guid visitId, string last)
    {
        var mine = await Eventually.Get(async () =>
        {
            var all = await All();
            var forVisit = all.Where(m => m.Message["visit"]?["visitId"]?.GetValue<Guid>() == visitId).ToList();
            return forVisit.Any(m => m.Type == last) ? forVisit : null;
        }, $"the relay published {last} for visit {visitId}");
        return mine.Select(m => (m.Type, m.Message)).ToList();
    }

    /// <summary>Everything published for one visit so far.</summary>
    public async Task<IReadOnlyList<string>> SoFar(Guid visitId) =>
        (await All()).Where(m => m.Message["visit"]?["visitId"]?.GetValue<Guid>() == visitId).Select(m => m.Type).ToList();
}

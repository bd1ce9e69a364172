using System.Collections.Concurrent;
using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using MassTransit;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;

/// <summary>An idempotent consumer as a service writes one: its effect (a row in <c>audited</c>, which
/// has no unique key, so a second effect would show) commits with its inbox record.</summary>
public sealed class TicketAuditConsumer(NpgsqlDataSource dataSource, AuditProbe probe) : IConsumer<TicketSold>
{
    public const string Name = "audit-tickets";

    public const string Table = """
        CREATE TABLE IF NOT EXISTS audited (
            message_id uuid NOT NULL, correlation_id uuid, number int NOT NULL, show_id uuid NOT NULL,
            stream_version bigint)
        """;

    public async Task Consume(ConsumeContext<TicketSold> context)
    {
        probe.Delivered(context.MessageId!.Value);
        await using var inbox = await Inbox.Inbox.Begin(dataSource, Name, context.MessageId, context.CancellationToken);
        if (inbox is null) return;

        await using var insert = inbox.CreateCommand(
            "INSERT INTO audited (message_id, correlation_id, number, show_id, stream_version) VALUES ($1, $2, $3, $4, $5)");
        insert.Parameters.AddWithValue(context.MessageId!.Value);
        insert.Parameters.AddWithValue((object?)context.CorrelationId ?? DBNull.Value);
        insert.Parameters.AddWithValue(context.Message.Number);
        insert.Parameters.AddWithValue(context.Message.ShowId);
        insert.Parameters.AddWithValue((object?)context.Headers.Get<long>(IntegrationEventRelay.StreamVersionHeader) ?? DBNull.Value);
        await insert.ExecuteNonQueryAsync(context.CancellationToken);

        if (probe.ShouldFail(context.Message.Number))
            throw new InvalidOperationException($"Simulated failure after the effect of ticket {context.Message.Number}.");
        await inbox.Commit(context.CancellationToken);
    }
}

/// <summary>What the consumer saw, and failures to stage.</summary>
public sealed class AuditProbe
{
    readonly ConcurrentDictionary<Guid, int> _deliveries = new();
    readonly ConcurrentDictionary<int, int> _failuresLeft = new();

    int _total;

    public void Delivered(Guid messageId)
    {
        _deliveries.AddOrUpdate(messageId, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
    }

    /// <summary>Deliveries of all messages, retries included.</summary>
    public int Deliveries => Volatile.Read(ref _total);

    public int DeliveriesOf(Guid messageId) => _deliveries.GetValueOrDefault(messageId);

    public void FailOnce(int number) => _failuresLeft[number] = 1;

    public void FailAlways(int number) => _failuresLeft[number] = int.MaxValue;

    /// <summary>The fix is deployed: <paramref name="number"/> no longer fails.</summary>
    public void Heal(int number) => _failuresLeft[number] = 0;

    public bool ShouldFail(int number) =>
        _failuresLeft.TryGetValue(number, out var left) && left > 0 && _failuresLeft.TryUpdate(number, left - 1, left);
}

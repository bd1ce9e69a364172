using IdoPlatform.Contracts.Queues;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IdoPlatform.BuildingBlocks.Messaging.DeadLetters;

/// <summary>
/// Part of <c>/health/ready</c>: "Degraded" (still ready: the service works, the message waits) while one
/// of the service's consumer queues has messages in its error queue, naming them, so an operator sees them
/// and replays them after a fix (<c>./ido dead-letters</c>).
/// </summary>
internal sealed class DeadLetterHealthCheck(DeadLetterQueues deadLetters, IReadOnlyList<ConsumerEndpoint> endpoints) : IHealthCheck
{
    public const string Name = "dead-letters";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        IReadOnlyDictionary<string, uint> counts;
        try
        {
            counts = await deadLetters.Count(endpoints.Select(e => e.QueueName), ct);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Degraded("the error queues could not be counted (broker away?)");
        }
        var waiting = counts.Where(c => c.Value > 0).ToList();
        return waiting.Count == 0
            ? HealthCheckResult.Healthy("no dead letters")
            : HealthCheckResult.Degraded(
                string.Join(", ", waiting.Select(w => $"{DeadLetterQueues.ErrorQueueOf(w.Key)}: {w.Value}")) +
                " (replay after a fix: ./ido replay-dead-letters)",
                data: waiting.ToDictionary(w => DeadLetterQueues.ErrorQueueOf(w.Key), w => (object)w.Value));
    }
}

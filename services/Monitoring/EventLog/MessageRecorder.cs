using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.Monitoring.EventLog;

/// <summary>
/// Records one integration message in monitoring's own log. The stream id is the message id, so a
/// redelivered message finds its stream taken and is recorded once: the log itself is the inbox.
/// </summary>
public sealed class MessageRecorder(IEventStore store)
{
    /// <returns>False when the message was recorded before.</returns>
    public async Task<bool> Record(Guid messageId, object message, string? correlationId, CancellationToken ct)
    {
        if (messageId == Guid.Empty)
            throw new InvalidOperationException("A message without a message id cannot be recorded idempotently.");
        try
        {
            await store.StartStream(MonitoredMessages.StreamType, messageId, [message],
                new AppendContext("bus", correlationId, messageId.ToString()), ct);
            return true;
        }
        catch (ConcurrencyException)
        {
            return false;
        }
    }
}

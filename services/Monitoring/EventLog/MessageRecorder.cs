using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.Monitoring.EventLog;

/// <summary>
/// Records integration messages in monitoring's own log. The stream id is the message id, so a redelivered
/// message finds its stream taken and is recorded once: the log itself is the inbox.
/// </summary>
/// <remarks>
/// Consumers' messages are written through a <see cref="GroupCommit{TWrite, TResult}"/>: a consumer's call returns
/// only after its message is committed, so the broker's acknowledgement still follows the write.
/// </remarks>
public sealed class MessageRecorder : IAsyncDisposable
{
    private const int MaxGroup = 500;
    private readonly EventStreams _store;
    private readonly GroupCommit<NewStream, bool> _commit;

    public MessageRecorder(EventStreams store)
    {
        _store = store;
        _commit = new GroupCommit<NewStream, bool>(RecordNew, MaxGroup);
    }

    /// <returns>False when the message was recorded before.</returns>
    public Task<bool> Record(Guid messageId, object message, string? correlationId)
    {
        if (messageId == Guid.Empty)
            throw new InvalidOperationException("A message without a message id cannot be recorded idempotently.");
        return _commit.Submit(new NewStream(messageId, message, new AppendContext("bus", correlationId, messageId.ToString())));
    }

    private async Task<IReadOnlyList<bool>> RecordNew(IReadOnlyList<NewStream> messages)
    {
        var started = new HashSet<Guid>(await _store.StartNew<LoggedMessage>(messages));
        // Remove, not Contains: of two deliveries of one message in a group, only the first is new.
        return messages.Select(m => started.Remove(m.StreamId)).ToList();
    }

    /// <summary>Writes what is queued, then stops taking messages.</summary>
    public ValueTask DisposeAsync() => _commit.DisposeAsync();
}

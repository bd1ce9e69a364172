using System.Threading.Channels;
using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.Monitoring.EventLog;

/// <summary>
/// Records integration messages in monitoring's own log. The stream id is the message id, so a redelivered
/// message finds its stream taken and is recorded once: the log itself is the inbox.
/// </summary>
/// <remarks>
/// Group commit: consumers hand their messages to one writer, which stores whatever has queued up while its
/// previous write ran in a single round trip. Under load that is one insert for dozens of messages instead of
/// one each; when quiet, a message is written at once. A consumer's call returns only after its message is
/// committed, so the broker's acknowledgement still follows the write.
/// </remarks>
public sealed class MessageRecorder : IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly EventStreams _store;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new() { SingleReader = true });
    private readonly Task _writer;

    public MessageRecorder(EventStreams store)
    {
        _store = store;
        _writer = Task.Run(WriteQueued);
    }

    /// <returns>False when the message was recorded before.</returns>
    public Task<bool> Record(Guid messageId, object message, string? correlationId)
    {
        if (messageId == Guid.Empty)
            throw new InvalidOperationException("A message without a message id cannot be recorded idempotently.");
        var pending = new Pending(new NewStream(messageId, message, new AppendContext("bus", correlationId, messageId.ToString())));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(MessageRecorder));
        return pending.Recorded.Task;
    }

    private async Task WriteQueued()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending)) batch.Add(pending);
            try
            {
                var started = new HashSet<Guid>(await _store.StartNew<LoggedMessage>(batch.Select(p => p.Stream).ToList()));
                // Remove, not Contains: of two deliveries of one message in a batch, only the first is new.
                foreach (var pending in batch) pending.Recorded.TrySetResult(started.Remove(pending.Stream.StreamId));
            }
            catch (Exception e)
            {
                foreach (var pending in batch) pending.Recorded.TrySetException(e);
            }
        }
    }

    /// <summary>Writes what is queued, then stops taking messages.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    private sealed record Pending(NewStream Stream)
    {
        public TaskCompletionSource<bool> Recorded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

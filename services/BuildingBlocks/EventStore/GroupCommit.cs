using System.Threading.Channels;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// Group commit: callers hand their writes to one writer, which commits whatever queued up while its previous
/// commit ran in a single transaction. Under load that is one round trip and one commit for dozens of writes
/// instead of one each, and one writer instead of many contending for the same tables; when quiet, a write
/// goes at once. A caller's task completes only after its write is committed (or failed).
/// </summary>
/// <remarks>
/// When a group fails on a <see cref="ConcurrencyException"/> (one caller's stream id was taken), its writes are
/// committed again one by one, so only that caller sees the conflict. Any other failure (the database is down)
/// fails the whole group.
/// </remarks>
public sealed class GroupCommit<TWrite, TResult> : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<TWrite>, Task<IReadOnlyList<TResult>>> _commit;
    private readonly int _maxGroup;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Task[] _writers;

    /// <param name="commit">Commits a group in one transaction, all or nothing, and returns one result per write, in order.</param>
    /// <param name="maxGroup">The most writes committed together.</param>
    /// <param name="writers">How many groups may be committing at once: while one waits for its commit, the next
    /// takes what queued up meanwhile.</param>
    public GroupCommit(Func<IReadOnlyList<TWrite>, Task<IReadOnlyList<TResult>>> commit, int maxGroup, int writers = 1)
    {
        _commit = commit;
        _maxGroup = maxGroup;
        _writers = Enumerable.Range(0, writers).Select(_ => Task.Run(WriteQueued)).ToArray();
    }

    public Task<TResult> Submit(TWrite write)
    {
        var pending = new Pending(write);
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(GetType().Name);
        return pending.Done.Task;
    }

    private async Task WriteQueued()
    {
        var group = new List<Pending>(_maxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < _maxGroup && _queue.Reader.TryRead(out var pending)) group.Add(pending);
            try
            {
                Complete(group, await _commit(group.Select(p => p.Write).ToList()));
            }
            catch (ConcurrencyException) when (group.Count > 1)
            {
                foreach (var pending in group) await CommitAlone(pending);
            }
            catch (Exception e)
            {
                foreach (var pending in group) pending.Done.TrySetException(e);
            }
        }
    }

    private async Task CommitAlone(Pending pending)
    {
        try
        {
            Complete([pending], await _commit([pending.Write]));
        }
        catch (Exception e)
        {
            pending.Done.TrySetException(e);
        }
    }

    private static void Complete(List<Pending> group, IReadOnlyList<TResult> results)
    {
        for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(results[i]);
    }

    /// <summary>Commits what is queued, then stops taking writes.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_writers);
    }

    private sealed record Pending(TWrite Write)
    {
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

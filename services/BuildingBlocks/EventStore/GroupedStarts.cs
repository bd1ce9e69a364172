namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// Starts one-event streams of <typeparamref name="T"/> through a <see cref="GroupCommit{TWrite, TResult}"/>: the
/// requests that arrive together (registrations at busy desks) share one transaction. Each event keeps its own who
/// and why; a taken id still fails only its own request with <see cref="ConcurrencyException"/>.
/// </summary>
public sealed class GroupedStarts<T>(EventStreams streams) : IAsyncDisposable where T : class
{
    private const int MaxGroup = 64;
    private const int Writers = 2;

    private readonly GroupCommit<NewStream, long> _commit = new(group => streams.StartEach<T>(group), MaxGroup, Writers);

    /// <summary>Starts the stream; returns its version once committed.</summary>
    public Task<long> Start(Guid id, object e, AppendContext context) => _commit.Submit(new NewStream(id, e, context));

    public ValueTask DisposeAsync() => _commit.DisposeAsync();
}

using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;

namespace IdoPlatform.Testing.EventStore;

/// <summary>
/// An inline projection that holds the append of a chosen event open inside its transaction (its sequence number
/// drawn, not yet committed) until released, or makes it fail, leaving a rolled-back hole in the sequence: for tests
/// of what the async daemon's subscriptions do while an append is in flight.
/// Register it with <c>services.AddInlineProjection&lt;AppendGate&gt;()</c>, then set <see cref="Holds"/> or
/// <see cref="Fails"/>.
/// </summary>
public sealed class AppendGate : IInlineProjection
{
    public Func<object, bool> Holds { get; set; } = _ => false;
    public Func<object, bool> Fails { get; set; } = _ => false;
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection,
        NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (events.Any(e => Fails(e.Data))) throw new InvalidOperationException("this append rolls back");
        if (!events.Any(e => Holds(e.Data))) return;
        Entered.TrySetResult();
        await Release.Task.WaitAsync(ct);
    }
}

using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>Load a referral, decide, append; a concurrent change (arrival vs. expiry sweep vs. cancel)
/// makes the loser decide again on the new state.</summary>
public static class ReferralStreams
{
    public static async Task<Referral?> Load(IEventStore store, Guid referralId, CancellationToken ct) =>
        (await store.AggregateStream<Referral?>(referralId, null, Referral.Evolve, ct))?.State;

    /// <summary>Runs <paramref name="decide"/> on the current state and appends what it returns; null when
    /// the referral does not exist. Returns the state after the change.</summary>
    public static async Task<Referral?> Change(IEventStore store, Guid referralId,
        Func<Referral, IReadOnlyList<object>> decide, AppendContext context, CancellationToken ct, int attempts = 5)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await store.AggregateStream<Referral?>(referralId, null, Referral.Evolve, ct);
            if (current is not ({ } state, var version)) return null;
            var events = decide(state);
            if (events.Count == 0) return state;
            try
            {
                await store.Append(referralId, version, events, context, ct);
                return events.Aggregate<object, Referral?>(state, Referral.Evolve);
            }
            catch (ConcurrencyException) when (attempt < attempts)
            {
                // Someone else changed it in between: decide again on what is there now.
            }
        }
    }
}

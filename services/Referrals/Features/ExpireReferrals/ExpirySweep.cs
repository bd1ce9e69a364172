using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.Referrals;
using Microsoft.Extensions.Options;

using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.ExpireReferrals;

/// <summary>
/// Expires referrals whose time is up. Time comes from the injected <see cref="TimeProvider"/>, so tests
/// move the clock and call <see cref="SweepOnce"/> instead of waiting. Replicas may sweep at once: a lost
/// race is a concurrency error, retried on the new state, which then needs nothing.
/// </summary>
public sealed class ExpirySweep(EventStreams streams, ReferralQueries queries, TimeProvider clock, ILogger<ExpirySweep> logger)
{
    private const int BatchSize = 200;
    private static readonly AppendContext Context = new("referrals-expiry");

    /// <summary>Expires every referral that is due now; returns how many expired.</summary>
    public async Task<int> SweepOnce(CancellationToken ct)
    {
        var expired = 0;
        while (true)
        {
            var now = clock.GetUtcNow();
            var due = await queries.DueForExpiry(now, BatchSize, ct);
            foreach (var id in due)
            {
                var written = await streams.Change<Referral>(id, state => Decision.Accept(ExpireReferral.Decide(state, now)),
                    Context, ct, attempts: 5);
                if (written.Status == WriteStatus.Appended) expired++;
            }
            if (due.Count < BatchSize) break;
        }
        if (expired > 0) logger.LogInformation("Expired {Count} referrals", expired);
        return expired;
    }
}

/// <summary>Runs <see cref="ExpirySweep"/> every <see cref="ReferralsOptions.ExpirySweepInterval"/>.</summary>
public sealed class ExpirySweepService(ExpirySweep sweep, TimeProvider clock, IOptions<ReferralsOptions> options,
    ILogger<ExpirySweepService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sweep.SweepOnce(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Expiry sweep failed; trying again next round");
            }
            try
            {
                await Task.Delay(options.Value.ExpirySweepInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

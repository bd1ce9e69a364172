using IdoPlatform.BuildingBlocks.Messaging.Tests.Benchmark;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

public sealed class RelayBacklogTests
{
    /// <summary>The benchmark's path, checked for completeness (its speed is the benchmark's business).</summary>
    [Fact]
    public async Task A_backlog_is_relayed_completely_in_concurrent_batches()
    {
        var result = await RelayThroughput.Measure(count: 1_500);

        // Every event reached the consumer's queue: none lost. A page published again after a timeout under load adds
        // repeats (at least once, by design: consumers drop them by message id), so repeats are counted, not refused.
        Assert.Equal(1_500, result.Distinct);
        Assert.InRange(result.Queued, 1_500, 3_000);
    }
}

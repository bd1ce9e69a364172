using IdoPlatform.BuildingBlocks.Messaging.Tests.Benchmark;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

public sealed class RelayBacklogTests
{
    /// <summary>The benchmark's path, checked for completeness (its speed is the benchmark's business).</summary>
    [Fact]
    public async Task A_backlog_is_relayed_completely_in_concurrent_batches()
    {
        var result = await RelayThroughput.Measure(count: 1_500);

        Assert.Equal(1_500, result.Queued); // each event once in the consumer's queue: none lost, none twice
    }
}

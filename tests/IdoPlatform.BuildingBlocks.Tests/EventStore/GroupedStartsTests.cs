using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>Streams started together through <see cref="GroupedStarts{T}"/> (a group commit) on a real PostgreSQL.</summary>
public sealed class GroupedStartsTests
{
    [Fact]
    public async Task Starts_arriving_together_share_transactions_and_each_event_keeps_its_own_who_and_why()
    {
        var db = await StoreHost.NewDatabase();
        using var host = await StoreHost.Start(db);
        var starts = host.Services.GetRequiredService<GroupedStarts<Counter>>();
        var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();

        var versions = await Task.WhenAll(ids.Select((id, n) =>
            starts.Start(id, new Counted(n), new AppendContext($"desk-{n}", $"corr-{n}", $"cause-{n}"))));

        Assert.All(versions, v => Assert.Equal(1, v));
        for (var n = 0; n < ids.Count; n++)
        {
            var stored = Assert.Single(await host.Streams().History(ids[n]));
            Assert.Equal(new Counted(n), stored.Data);
            Assert.Equal(($"desk-{n}", $"corr-{n}", $"cause-{n}"),
                (stored.Metadata.Actor, stored.Metadata.CorrelationId, stored.Metadata.CausationId));
        }
        // Rows written by one transaction share its id (xmin): fewer transactions than starts means they were grouped.
        Assert.InRange(await Sql.Scalar(db, "SELECT count(DISTINCT xmin::text) FROM mt_events"), 1, ids.Count - 1);
    }

    [Fact]
    public async Task A_taken_id_fails_only_its_own_start_and_the_others_in_its_group_are_written()
    {
        var db = await StoreHost.NewDatabase();
        using var host = await StoreHost.Start(db);
        var starts = host.Services.GetRequiredService<GroupedStarts<Counter>>();
        var taken = Guid.NewGuid();
        await host.Streams().Start<Counter>(taken, [new Counted(1)], AppendContext.System);
        var fresh = Enumerable.Range(0, 20).Select(_ => Guid.NewGuid()).ToList();

        var freshStarts = fresh.Select(id => starts.Start(id, new Counted(2), AppendContext.System)).ToList();
        var takenStart = starts.Start(taken, new Counted(3), AppendContext.System);

        await Assert.ThrowsAsync<ConcurrencyException>(() => takenStart);
        Assert.All(await Task.WhenAll(freshStarts), v => Assert.Equal(1, v));
        foreach (var id in fresh) Assert.Single(await host.Streams().History(id));
        Assert.Equal([new Counted(1)], (await host.Streams().History(taken)).Select(e => e.Data));
    }
}

using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

/// <summary>How <see cref="GroupCommit{TWrite, TResult}"/> groups writes and shares out a group's failure (the commit
/// here is a function of ours; <see cref="GroupedStartsTests"/> runs it against PostgreSQL).</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Writes_queued_while_a_group_commits_go_together_in_the_next_and_each_caller_gets_its_own_result()
    {
        var groups = new List<int[]>();
        var firstStarted = new TaskCompletionSource();
        var releaseFirst = new TaskCompletionSource();
        await using var commit = new GroupCommit<int, string>(async group =>
        {
            lock (groups) groups.Add([.. group]);
            if (group.Contains(0))
            {
                firstStarted.SetResult();
                await releaseFirst.Task;
            }
            return group.Select(n => $"#{n}").ToList();
        }, maxGroup: 64);

        var first = commit.Submit(0);
        await firstStarted.Task;
        var queued = Enumerable.Range(1, 10).Select(commit.Submit).ToList();
        releaseFirst.SetResult();

        Assert.Equal("#0", await first);
        Assert.Equal(Enumerable.Range(1, 10).Select(n => $"#{n}"), await Task.WhenAll(queued));
        Assert.Equal([[0], Enumerable.Range(1, 10).ToArray()], groups);
    }

    [Fact]
    public async Task A_conflict_in_a_group_is_retried_one_by_one_so_only_its_own_caller_sees_it()
    {
        var gate = new TaskCompletionSource();
        await using var commit = new GroupCommit<int, int>(async group =>
        {
            await gate.Task;
            if (group.Contains(13)) throw new ConcurrencyException(Guid.Empty, "taken");
            return group.Select(n => n * 2).ToList();
        }, maxGroup: 64);

        var writes = new[] { 1, 13, 2, 3 }.Select(n => (n, Task: commit.Submit(n))).ToList();
        gate.SetResult();

        await Assert.ThrowsAsync<ConcurrencyException>(() => writes.Single(w => w.n == 13).Task);
        foreach (var (n, task) in writes.Where(w => w.n != 13)) Assert.Equal(n * 2, await task);
    }

    [Fact]
    public async Task Any_other_failure_fails_every_caller_of_the_group_and_later_writes_still_go()
    {
        var gate = new TaskCompletionSource();
        var down = true;
        await using var commit = new GroupCommit<int, int>(async group =>
        {
            await gate.Task;
            if (down) throw new InvalidOperationException("database away");
            return group.ToList();
        }, maxGroup: 64);

        var failing = Enumerable.Range(0, 5).Select(commit.Submit).ToList();
        gate.SetResult();
        foreach (var task in failing) await Assert.ThrowsAsync<InvalidOperationException>(() => task);

        down = false;
        Assert.Equal(7, await commit.Submit(7));
    }
}

using System.Text;
using IdoPlatform.Testing.EventStore;
using IdoPlatform.Testing.Fixtures;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

/// <summary>The store against a real PostgreSQL.</summary>
public sealed class IdempotencyStoreTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private NpgsqlDataSource _dataSource = null!;
    private IdempotencyStore _store = null!;
    private int _handled;

    public async Task InitializeAsync()
    {
        await DeclaredTables.Create(database.ConnectionString, IdempotencyStore.DeclaredTable());
        _dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        _store = new IdempotencyStore(_dataSource, Options.Create(new IdempotencyOptions()));
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    private static IdempotencyScope Scope(string key = "key-1") => new("desk-1", "POST /registrations/v1/visits", key);

    private Task<StoredResponse> Create(CancellationToken _)
    {
        var id = Interlocked.Increment(ref _handled);
        return Task.FromResult(new StoredResponse(201, $"/registrations/v1/visits/{id}", "\"1\"", "application/json",
            Encoding.UTF8.GetBytes($$"""{"id":{{id}}}""")));
    }

    [Fact]
    public async Task A_retry_gets_the_first_answer_and_the_handler_runs_once()
    {
        var scope = Scope(Guid.NewGuid().ToString());
        var first = await _store.RunOnceAsync(scope, "hash", Create, CancellationToken.None);
        var retry = await _store.RunOnceAsync(scope, "hash", Create, CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Executed, first.Outcome);
        Assert.Equal(IdempotencyOutcome.Replayed, retry.Outcome);
        Assert.Equal(first.Response!.Location, retry.Response!.Location);
        Assert.Equal(first.Response.ETag, retry.Response.ETag);
        Assert.Equal(first.Response.Body, retry.Response.Body);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task The_key_is_scoped_to_the_account()
    {
        var key = Guid.NewGuid().ToString();
        await _store.RunOnceAsync(Scope(key), "hash", Create, CancellationToken.None);
        var otherAccount = await _store.RunOnceAsync(Scope(key) with { Account = "desk-2" }, "hash", Create, CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Executed, otherAccount.Outcome);
        Assert.Equal(2, _handled);
    }

    [Fact]
    public async Task The_same_key_for_a_different_request_is_refused()
    {
        var scope = Scope(Guid.NewGuid().ToString());
        await _store.RunOnceAsync(scope, "hash-a", Create, CancellationToken.None);

        var reused = await _store.RunOnceAsync(scope, "hash-b", Create, CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.KeyReused, reused.Outcome);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task A_failed_first_attempt_stores_nothing_so_the_retry_runs()
    {
        var scope = Scope(Guid.NewGuid().ToString());
        await Assert.ThrowsAsync<TimeoutException>(() =>
            _store.RunOnceAsync(scope, "hash", _ => throw new TimeoutException(), CancellationToken.None));
        var error = await _store.RunOnceAsync(scope, "hash",
            _ => Task.FromResult(new StoredResponse(400, null, null, "application/problem+json", [])), CancellationToken.None);

        var retry = await _store.RunOnceAsync(scope, "hash", Create, CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Executed, error.Outcome);
        Assert.Equal(IdempotencyOutcome.Executed, retry.Outcome);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task Two_identical_requests_at_once_run_the_handler_once_and_share_its_answer()
    {
        var scope = Scope(Guid.NewGuid().ToString());
        var secondIsWaiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _store.WaitingForInProgress = waiting => { if (waiting == scope) secondIsWaiting.TrySetResult(); };
        Task<IdempotencyResult>? second = null;

        var first = await _store.RunOnceAsync(scope, "hash", async ct =>
        {
            // While the first holds the key, the retry arrives and must wait for it.
            second = _store.RunOnceAsync(scope, "hash", Create, CancellationToken.None);
            await secondIsWaiting.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
            return await Create(ct);
        }, CancellationToken.None);
        var retry = await second!;

        Assert.Equal(IdempotencyOutcome.Executed, first.Outcome);
        Assert.Equal(IdempotencyOutcome.Replayed, retry.Outcome);
        Assert.Equal(first.Response!.Location, retry.Response!.Location);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task Two_stores_on_one_database_create_the_table_once_without_error()
    {
        var other = new IdempotencyStore(_dataSource, Options.Create(new IdempotencyOptions()));

        await Task.WhenAll(
            _store.RunOnceAsync(Scope(Guid.NewGuid().ToString()), "h", Create, CancellationToken.None),
            other.RunOnceAsync(Scope(Guid.NewGuid().ToString()), "h", Create, CancellationToken.None));

        Assert.Equal(2, _handled);
    }
}

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
    public async Task A_different_request_under_a_key_in_progress_is_refused_at_once()
    {
        var scope = Scope(Guid.NewGuid().ToString());
        IdempotencyResult? other = null;

        await _store.RunOnceAsync(scope, "hash-a", async ct =>
        {
            other = await _store.RunOnceAsync(scope, "hash-b", Create, ct);
            return await Create(ct);
        }, CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.KeyReused, other!.Outcome);
        Assert.Equal(1, _handled);
    }

    [Fact]
    public async Task Requests_under_many_keys_at_once_hold_no_connection_while_their_handlers_run()
    {
        // Three pooled connections, twelve requests whose handlers all run at the same time and then use the database.
        // A store that kept a connection per request in progress would leave the handlers none (and the pool's timeout).
        await using var small = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            MaxPoolSize = 3, Timeout = 5,
        }.ConnectionString);
        var store = new IdempotencyStore(small, Options.Create(new IdempotencyOptions()));
        const int requests = 12;
        var started = 0;
        var allStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var results = await Task.WhenAll(Enumerable.Range(0, requests).Select(_ => store.RunOnceAsync(
            Scope(Guid.NewGuid().ToString()), "hash", async ct =>
            {
                if (Interlocked.Increment(ref started) == requests) allStarted.TrySetResult();
                await allStarted.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
                await using var work = small.CreateCommand("SELECT 1");
                await work.ExecuteScalarAsync(ct);
                return await Create(ct);
            }, CancellationToken.None)));

        Assert.All(results, r => Assert.Equal(IdempotencyOutcome.Executed, r.Outcome));
        Assert.Equal(requests, _handled);
    }

    [Fact]
    public async Task A_key_left_in_progress_by_a_process_that_died_is_taken_over_after_its_lease()
    {
        var abandoned = Scope(Guid.NewGuid().ToString());
        var fresh = Scope(Guid.NewGuid().ToString());
        await InProgressRow(abandoned, TimeSpan.FromMinutes(3));
        await InProgressRow(fresh, TimeSpan.FromSeconds(1));
        var store = new IdempotencyStore(_dataSource, Options.Create(new IdempotencyOptions
        {
            InProgressLease = TimeSpan.FromMinutes(2), WaitForInProgress = TimeSpan.FromMilliseconds(300),
        }));

        var takenOver = await store.RunOnceAsync(abandoned, "hash", Create, CancellationToken.None);
        await Assert.ThrowsAsync<IdempotencyKeyBusyException>(() => store.RunOnceAsync(fresh, "hash", Create, CancellationToken.None));

        Assert.Equal(IdempotencyOutcome.Executed, takenOver.Outcome);
        Assert.Equal(IdempotencyOutcome.Replayed, (await store.RunOnceAsync(abandoned, "hash", Create, CancellationToken.None)).Outcome);
        Assert.Equal(1, _handled);
    }

    /// <summary>What a request in progress leaves behind when its process dies: its claim, and no answer.</summary>
    private async Task InProgressRow(IdempotencyScope scope, TimeSpan age)
    {
        await using var insert = _dataSource.CreateCommand("""
            INSERT INTO idempotency_keys (account, route, key, request_hash, status_code, body, created_at)
            VALUES ($1, $2, $3, 'hash', 0, '', now() - $4)
            """);
        insert.Parameters.Add(new() { Value = scope.Account });
        insert.Parameters.Add(new() { Value = scope.Route });
        insert.Parameters.Add(new() { Value = scope.Key });
        insert.Parameters.Add(new() { Value = age });
        await insert.ExecuteNonQueryAsync();
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

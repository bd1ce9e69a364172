using System.Diagnostics;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Testing;
using Npgsql;

namespace IdoPlatform.Benchmarks;

/// <summary>
/// Single-event appends through our store against the same number of equal plain INSERTs through bare
/// Npgsql on the same database: the ratio says what the store's guarantees cost.
/// </summary>
public static class AppendBenchmark
{
    private sealed record Measured(int Writer, int Number);

    public static async Task<IReadOnlyList<BenchmarkRow>> Run(int count, int writers)
    {
        var server = await RealServers.PostgresAsync();
        var options = new EventStoreOptions { ConnectionString = await server.CreateDatabaseAsync("bench") };
        options.Events.Register<Measured>("measured");
        await using var dataSource = EventStoreRegistration.CreateDataSource(options);
        var schema = new EventStoreSchema(dataSource);
        await schema.EnsureCreated();
        var store = new NpgsqlEventStore(dataSource, schema, options, [], TimeProvider.System);
        await using (var create = dataSource.CreateCommand(
            "CREATE TABLE plain (seq bigserial PRIMARY KEY, stream_id uuid, data jsonb, event_id uuid, created_at timestamptz)"))
            await create.ExecuteNonQueryAsync();

        Func<int, Task<Func<int, Task>>> storeAppends = async writer =>
        {
            var stream = Guid.NewGuid();
            await store.StartStream("bench", stream, [new Measured(writer, 0)], AppendContext.System);
            return async i => await store.Append(stream, i + 1, [new Measured(writer, i + 1)], AppendContext.System);
        };
        Func<int, Task<Func<int, Task>>> plainInserts = writer =>
        {
            var stream = Guid.NewGuid();
            return Task.FromResult<Func<int, Task>>(async i =>
            {
                await using var insert = dataSource.CreateCommand(
                    "INSERT INTO plain (stream_id, data, event_id, created_at) VALUES (@s, @d::jsonb, @e, now())");
                insert.Parameters.AddWithValue("s", stream);
                insert.Parameters.AddWithValue("d", $$"""{"writer":{{writer}},"number":{{i}}}""");
                insert.Parameters.AddWithValue("e", Guid.CreateVersion7());
                await insert.ExecuteNonQueryAsync();
            });
        };

        // Warm both paths up (JIT, pooled connections, prepared statements), then measure each twice,
        // interleaved, and keep the better run: the machine is shared, so noise only ever slows a run down.
        await Measure(writers, 50, storeAppends);
        await Measure(writers, 50, plainInserts);
        var perWriter = count / writers;
        double storeRate = 0, plainRate = 0;
        for (var round = 0; round < 2; round++)
        {
            storeRate = Math.Max(storeRate, await Measure(writers, perWriter, storeAppends));
            plainRate = Math.Max(plainRate, await Measure(writers, perWriter, plainInserts));
        }

        return
        [
            new($"event store: single-event appends, {writers} writers", storeRate, "appends/s", ""),
            new($"bare Npgsql: single-row INSERTs, {writers} writers", plainRate, "inserts/s", "(the limit)"),
            new("ratio store / bare", storeRate / plainRate, "", ">= 0.60"),
        ];
    }

    private static async Task<double> Measure(int writers, int perWriter, Func<int, Task<Func<int, Task>>> prepare)
    {
        var actions = await Task.WhenAll(Enumerable.Range(0, writers).Select(prepare));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(actions.Select(async act =>
        {
            for (var i = 0; i < perWriter; i++) await act(i);
        }));
        return writers * perWriter / clock.Elapsed.TotalSeconds;
    }
}

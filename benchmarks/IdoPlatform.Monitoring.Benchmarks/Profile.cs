using System.Diagnostics;
using System.Threading.Channels;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Monitoring.Features.Rebuilds;
using IdoPlatform.Monitoring.Storage.ReadModel;
using Npgsql;

namespace IdoPlatform.Monitoring.Benchmarks;

/// <summary>Where a rebuild's time goes: raw reading, reading with parsing, folding, cube cells (<c>--profile</c>).</summary>
public static class Profile
{
    public static async Task Run(NpgsqlDataSource dataSource, EventTypeRegistry types)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var clock = Stopwatch.StartNew();
        var ceiling = await EventLogReader.SafeCeiling(connection, null, CancellationToken.None);
        await using (var raw = EventLogReader.ReadCommand(connection, null, 0, ceiling, types))
        await using (var reader = await raw.ExecuteReaderAsync())
            while (await reader.ReadAsync()) _ = reader.GetString(2);
        Console.WriteLine($"read raw text: {clock.Elapsed.TotalSeconds:N2} s");

        clock.Restart();
        var all = new List<object>();
        var batches = Channel.CreateBounded<Task<LogBatch>>(16);
        var reading = Task.Run(() => new LogStream(types).Produce(connection, 0, batches.Writer, CancellationToken.None));
        await foreach (var batch in batches.Reader.ReadAllAsync()) all.AddRange((await batch).Messages);
        await reading;
        Console.WriteLine($"read and parse {all.Count:N0}: {clock.Elapsed.TotalSeconds:N2} s");

        clock.Restart();
        var state = new AggregateState();
        foreach (var message in all) state.Apply(message);
        Console.WriteLine($"fold: {clock.Elapsed.TotalSeconds:N2} s");

        clock.Restart();
        var cells = state.CubeCells();
        Console.WriteLine($"cube cells ({cells.Sum(c => c.Value.Count):N0}): {clock.Elapsed.TotalSeconds:N2} s");
    }
}

using IdoPlatform.Benchmarks;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Benchmark;

// Prints one table of the foundation's speed on this machine; the figures are in the README.
var appends = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20_000;
var rows = new List<BenchmarkRow>();
rows.AddRange(await AppendBenchmark.Run(appends, writers: 16));

await RelayThroughput.Measure(1_000); // warm-up: JIT and the bus's first connection
var relay = await RelayThroughput.Measure(appends);
rows.Add(new($"relay: events published with confirms ({relay.Queued:N0} queued)", relay.EventsPerSecond, "events/s", ">= 2,000"));
BenchmarkRow.Print(rows);

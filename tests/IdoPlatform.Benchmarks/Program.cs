using IdoPlatform.Benchmarks;

// Prints one table of the foundation's speed on this machine; see README for the figures.
var appends = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20_000;
var rows = new List<BenchmarkRow>();
rows.AddRange(await AppendBenchmark.Run(appends, writers: 16));
BenchmarkRow.Print(rows);

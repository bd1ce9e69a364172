using IdoPlatform.Benchmarking;

namespace IdoPlatform.LoadBenchmark;

/// <summary>The result table, each figure beside its target.</summary>
public static class Report
{
    public const double TargetRate = 1000;
    public const double TargetP99Ms = 100;
    public static readonly TimeSpan TargetLag = TimeSpan.FromSeconds(2);

    public static void Print(LoadResult measured, TimeSpan? lag, long expected, long seen)
    {
        var sorted = measured.LatenciesMs.Order().ToArray();
        var rate = measured.Created / measured.Elapsed.TotalSeconds;
        var p99 = Percentile.NearestRank(sorted, 0.99);
        var rows = new List<(string Metric, string Value, string Target, bool? Met)>
        {
            ("registrations/s (201s)", $"{rate:0}", $">= {TargetRate:0}", rate >= TargetRate),
            ("registered (201)", $"{measured.Created} in {measured.Elapsed.TotalSeconds:0.0} s", "", null),
            ("latency p50", $"{Percentile.NearestRank(sorted, 0.50):0.0} ms", "", null),
            ("latency p95", $"{Percentile.NearestRank(sorted, 0.95):0.0} ms", "", null),
            ("latency p99", $"{p99:0.0} ms", $"< {TargetP99Ms:0} ms", p99 < TargetP99Ms),
            ("latency max", $"{(sorted.Length > 0 ? sorted[^1] : double.NaN):0.0} ms", "", null),
            ("errors (not 201)", measured.ErrorCount == 0 ? "0" : $"{measured.ErrorCount} ({string.Join(", ", measured.Errors.Select(e => $"{e.Key}: {e.Value}"))})",
                "0", measured.ErrorCount == 0),
            ("monitoring lag after last 201", lag is { } l ? $"{l.TotalSeconds:0.00} s" : $"not caught up ({seen} of {expected})",
                $"<= {TargetLag.TotalSeconds:0} s", lag is { } caught && caught <= TargetLag),
        };
        if (seen > expected)
            rows.Add(("monitoring over-count", $"{seen - expected} more than registered", "0", false));

        Console.WriteLine();
        var width = rows.Max(r => r.Metric.Length);
        var valueWidth = Math.Max(12, rows.Max(r => r.Value.Length));
        Console.WriteLine($"  {"metric".PadRight(width)}  {"value".PadRight(valueWidth)}  {"target",-10}");
        Console.WriteLine($"  {new string('-', width)}  {new string('-', valueWidth)}  {new string('-', 10)}");
        foreach (var (metric, value, target, met) in rows)
            Console.WriteLine($"  {metric.PadRight(width)}  {value.PadRight(valueWidth)}  {target,-10} {(met is null ? "" : met.Value ? "met" : "MISSED")}");
        if (measured.FirstErrorBody is { } error)
            Console.WriteLine($"{Environment.NewLine}First error: {(error.Length > 400 ? error[..400] + "…" : error)}");
    }

    /// <summary>CPU per registration by part, from the start of the measured phase until monitoring caught up,
    /// and the rate two otherwise idle cores could carry at that cost.</summary>
    public static void PrintCpu(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, int registrations)
    {
        if (registrations == 0)
            return;
        var perRegistration = after.ToDictionary(p => p.Key, p => (p.Value - before.GetValueOrDefault(p.Key)) * 1000 / registrations);
        var total = perRegistration.Values.Sum();
        Console.WriteLine();
        Console.WriteLine("CPU per registration (ms): each process's CPU from the start of the measured phase until monitoring " +
                          "caught up, over the registrations (background work such as polling included, so it grows at low rates):");
        Console.WriteLine("  " + string.Join(", ", perRegistration.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:0.00}")));
        Console.WriteLine($"  total {total:0.00} ms: {Environment.ProcessorCount} idle cores could carry about " +
                          $"{Environment.ProcessorCount * 1000 / total:0} registrations/s at this cost");
    }
}

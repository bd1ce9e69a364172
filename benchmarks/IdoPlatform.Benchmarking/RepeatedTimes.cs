using System.Diagnostics;

namespace IdoPlatform.Benchmarking;

/// <summary>Times the same call many times, one after another, after a warm-up that is not timed.</summary>
public static class RepeatedTimes
{
    /// <summary>The <paramref name="runs"/> times in milliseconds, sorted (ready for <see cref="Percentile"/>).</summary>
    public static async Task<double[]> Measure(Func<Task> call, int warmup = 20, int runs = 200)
    {
        for (var i = 0; i < warmup; i++) await call();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await call();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }
}

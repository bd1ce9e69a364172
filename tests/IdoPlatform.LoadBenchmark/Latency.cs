namespace IdoPlatform.LoadBenchmark;

public static class Latency
{
    /// <summary>The nearest-rank percentile (0–100) of the values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double percentile)
    {
        if (sorted.Length == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}

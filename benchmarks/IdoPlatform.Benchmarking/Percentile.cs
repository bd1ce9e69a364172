namespace IdoPlatform.Benchmarking;

/// <summary>Percentiles of measured times, the way every benchmark here reports them.</summary>
public static class Percentile
{
    /// <summary>The nearest-rank value at <paramref name="fraction"/> (0.5 = p50, 0.99 = p99) of already sorted
    /// values: the smallest value with at least that share of the values at or below it; NaN when there are none.</summary>
    public static double NearestRank(IReadOnlyList<double> sorted, double fraction)
    {
        if (sorted.Count == 0)
            return double.NaN;
        var rank = (int)Math.Ceiling(fraction * sorted.Count);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}

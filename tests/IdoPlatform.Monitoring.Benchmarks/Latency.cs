using System.Diagnostics;

namespace IdoPlatform.Monitoring.Benchmarks;

public sealed record LatencyResult(double P50, double P95, double Max, int Rows);

/// <summary>Times the same GET many times, one after another, after a warm-up.</summary>
public static class Latency
{
    public static async Task<LatencyResult> Measure(HttpClient client, string url, int warmup = 20, int runs = 200)
    {
        var rows = 0;
        for (var i = 0; i < warmup; i++) rows = await Get(client, url);
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await Get(client, url);
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return new LatencyResult(Percentile(times, 0.50), Percentile(times, 0.95), times[^1], rows);
    }

    private static async Task<int> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {body}");
        return body.Split("\"period\"").Length - 2; // one is the report's own period
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

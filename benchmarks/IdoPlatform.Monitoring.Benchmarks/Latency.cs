using IdoPlatform.Benchmarking;

namespace IdoPlatform.Monitoring.Benchmarks;

public sealed record LatencyResult(double P50, double P95, double Max, int Rows);

/// <summary>Times the same GET many times, one after another, after a warm-up.</summary>
public static class Latency
{
    public static async Task<LatencyResult> Measure(HttpClient client, string url, int warmup = 20, int runs = 200)
    {
        var rows = 0;
        var times = await RepeatedTimes.Measure(async () => rows = await Get(client, url), warmup, runs);
        return new LatencyResult(Percentile.NearestRank(times, 0.50), Percentile.NearestRank(times, 0.95), times[^1], rows);
    }

    private static async Task<int> Get(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"GET {url}: {(int)response.StatusCode} {body}");
        return body.Split("\"period\"").Length - 2; // one is the report's own period
    }
}

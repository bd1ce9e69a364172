using System.Diagnostics;
using IdoPlatform.Benchmarking;
using System.Net.Http.Headers;

namespace IdoPlatform.Gateway.Benchmarks;

/// <summary>A bounded closed-loop load: <c>concurrency</c> workers send the same GET until
/// <c>requests</c> answers have come back; every latency is kept for the percentiles, and this process's
/// CPU time per request is measured (stabler than throughput on a busy machine).</summary>
internal static class LoadRun
{
    public static async Task<LoadResult> RunAsync(Uri url, string? token, int requests, int concurrency)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var latencies = new double[requests];
        var next = -1;
        var errors = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies[index] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            }
        }).ToList();
        await Task.WhenAll(workers);
        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        Array.Sort(latencies);
        return new LoadResult(requests / clock.Elapsed.TotalSeconds, Percentile.NearestRank(latencies, 0.50), Percentile.NearestRank(latencies, 0.99),
            cpu.TotalMicroseconds / requests, errors);
    }
}

/// <param name="CpuMicrosecondsPerRequest">This process's CPU per request: client, gateway and stand-in
/// service together when they run in-process (only the client against a running platform).</param>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P99Ms, double CpuMicrosecondsPerRequest, int Errors);

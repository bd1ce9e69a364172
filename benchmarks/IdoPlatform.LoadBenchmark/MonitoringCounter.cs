using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;

namespace IdoPlatform.LoadBenchmark;

/// <summary>How many visits monitoring counts at one location (<c>GET /monitoring/v1/question-counts</c>, as the
/// organisation's library admin: its own locations, no small-cell suppression). The range spans a few days
/// around today, so a run across midnight still counts whole.</summary>
public sealed class MonitoringCounter(HttpClient http, Uri gateway, string readerToken, string locationId)
{
    private readonly AuthenticationHeaderValue _bearer = new("Bearer", readerToken);

    public async Task<long> VisitsAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var query = $"monitoring/v1/question-counts?from={Day(today.AddDays(-2))}&to={Day(today.AddDays(2))}&location={Uri.EscapeDataString(locationId)}";
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, query));
        request.Headers.Authorization = _bearer;
        using var response = await http.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Monitoring answered {(int)response.StatusCode}: {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(row => row.TryGetProperty("visits", out var visits) && visits.ValueKind == JsonValueKind.Number ? visits.GetInt64() : 0)
            .Sum();
    }

    /// <summary>The count once it holds still for a second (what earlier runs sent has arrived).</summary>
    public async Task<long> SettledVisitsAsync(CancellationToken ct)
    {
        var previous = await VisitsAsync(ct);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var now = await VisitsAsync(ct);
            if (now == previous)
                return now;
            previous = now;
        }
    }

    /// <summary>Polls until monitoring counts <paramref name="expected"/> visits; the time from
    /// <paramref name="since"/> (a <see cref="Stopwatch"/> timestamp) to the first answer that does, or null
    /// when it did not within <paramref name="timeout"/>. Also the last count seen.</summary>
    public async Task<(TimeSpan? Lag, long Seen)> WaitForAsync(long expected, long since, TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        long seen;
        while (true)
        {
            seen = await VisitsAsync(ct);
            if (seen >= expected)
                return (Stopwatch.GetElapsedTime(since), seen);
            if (clock.Elapsed > timeout)
                return (null, seen);
            await Task.Delay(50, ct);
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

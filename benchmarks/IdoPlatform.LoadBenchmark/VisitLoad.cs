using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace IdoPlatform.LoadBenchmark;

/// <summary>What one phase of load gave: 201s, everything else by status, every latency, and when the last
/// 201 arrived (a <see cref="Stopwatch"/> timestamp).</summary>
public sealed record LoadResult(int Created, IReadOnlyDictionary<string, int> Errors, double[] LatenciesMs, TimeSpan Elapsed,
    long LastCreatedAt, string? FirstErrorBody)
{
    public int ErrorCount => Errors.Values.Sum();
}

/// <summary>N desk clients, each registering one visit after another (a closed loop: a client sends its
/// next request when the previous one is answered), all as one desk account at one location.</summary>
public sealed class VisitLoad(HttpClient http, Uri gateway, string deskToken, string locationId)
{
    private readonly Uri _visits = new(gateway, "registrations/v1/visits");
    private readonly AuthenticationHeaderValue _bearer = new("Bearer", deskToken);
    private readonly byte[] _body = Encoding.UTF8.GetBytes(
        $$"""{"locationId":"{{locationId}}","channel":"in-person","questions":[{"topic":"digid","domain":"digital-government","durationBand":"0-10","helpGiven":["explained"]}]}""");

    /// <summary>Registers until one is accepted: registrations learns the location from offers' events over
    /// RabbitMQ a moment after start-up. Returns how many visits were registered (one).</summary>
    public async Task<int> WaitUntilAcceptedAsync(TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (clock.Elapsed < timeout)
        {
            var (status, text) = await SendAsync(ct);
            if (status == HttpStatusCode.Created)
                return 1;
            last = $"{(int)status} {text}";
            await Task.Delay(500, ct);
        }
        throw new TimeoutException($"No visit at {locationId} was accepted within {timeout.TotalSeconds:0} s; last answer: {last}");
    }

    public async Task<LoadResult> RunAsync(int clients, TimeSpan duration, CancellationToken ct)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(() => ClientAsync(end, ct), ct)));
        var elapsed = clock.Elapsed;

        var errors = new Dictionary<string, int>();
        foreach (var client in results)
            foreach (var (kind, count) in client.Errors)
                errors[kind] = errors.GetValueOrDefault(kind) + count;
        return new LoadResult(
            results.Sum(r => r.Created),
            errors,
            [.. results.SelectMany(r => r.Latencies)],
            elapsed,
            results.Max(r => r.LastCreatedAt),
            results.Select(r => r.FirstErrorBody).FirstOrDefault(b => b is not null));
    }

    private async Task<ClientResult> ClientAsync(long end, CancellationToken ct)
    {
        var result = new ClientResult();
        while (Stopwatch.GetTimestamp() < end && !ct.IsCancellationRequested)
        {
            var started = Stopwatch.GetTimestamp();
            var (status, text) = await SendAsync(ct);
            var answered = Stopwatch.GetTimestamp();
            result.Latencies.Add((answered - started) * 1000.0 / Stopwatch.Frequency);
            if (status == HttpStatusCode.Created)
            {
                result.Created++;
                result.LastCreatedAt = answered;
                continue;
            }
            var kind = status == 0 ? "no answer" : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);
            result.Errors[kind] = result.Errors.GetValueOrDefault(kind) + 1;
            result.FirstErrorBody ??= $"{kind}: {text}";
        }
        return result;
    }

    /// <summary>One registration; status 0 when no answer came (connection refused, reset, time-out).</summary>
    private async Task<(HttpStatusCode Status, string Text)> SendAsync(CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _visits) { Content = new ByteArrayContent(_body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = _bearer;
        try
        {
            using var response = await http.SendAsync(request, ct);
            // Read the answer whole, as a client would.
            var text = await response.Content.ReadAsStringAsync(ct);
            return (response.StatusCode, response.StatusCode == HttpStatusCode.Created ? "" : text);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return (0, exception.Message);
        }
    }

    private sealed class ClientResult
    {
        public int Created;
        public long LastCreatedAt;
        public string? FirstErrorBody;
        public readonly Dictionary<string, int> Errors = [];
        public readonly List<double> Latencies = new(4096);
    }
}
